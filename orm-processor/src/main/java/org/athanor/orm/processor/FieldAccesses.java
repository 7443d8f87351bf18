package org.athanor.orm.processor;

import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** How generated code reaches a field: directly, through a VarHandle, or through getter and setter. */
final class FieldAccesses {
    private final EntityModel m;

    FieldAccesses(EntityModel m) { this.m = m; }

    /**
     * Direct access when legal from the generated class, else a VarHandle, else (a declaring class the
     * generated code cannot name) getter+setter. Not the getter when a VarHandle works: the ORM's own reads
     * must not run entity code, and on a lazy proxy ({@code User_Proxy}) a getter would load the row.
     */
    FieldAccess access(VariableElement f) {
        TypeElement declaring = (TypeElement) f.getEnclosingElement();
        Set<Modifier> mods = f.getModifiers();
        String name = f.getSimpleName().toString();
        if (m.accessibleType(declaring) && (mods.contains(Modifier.PUBLIC) || (!mods.contains(Modifier.PRIVATE) && m.samePackage(declaring))))
            return new FieldAccess.Direct(name);
        if (m.accessibleType(declaring))
            // the VarHandle is looked up with the field's declared (erased) type, which for T id in Base<T> is Object
            return new FieldAccess.Handle("H" + (m.handles++) + "_" + name, m.types.erasure(declaring.asType()).toString(), name,
                    m.types.erasure(f.asType()).toString());
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        ExecutableElement getter = method(declaring, "get" + cap, null);
        if (getter == null && f.asType().getKind() == TypeKind.BOOLEAN) getter = method(declaring, "is" + cap, null);
        ExecutableElement setter = method(declaring, "set" + cap, f.asType());
        if (getter != null && setter != null && m.types.isSameType(m.types.erasure(getter.getReturnType()), m.types.erasure(f.asType())))
            return new FieldAccess.Accessors(getter.getSimpleName().toString(), setter.getSimpleName().toString());
        // the VarHandle is looked up with the field's declared (erased) type, which for T id in Base<T> is Object
        return new FieldAccess.Handle("H" + (m.handles++) + "_" + name, m.types.erasure(declaring.asType()).toString(), name,
                m.types.erasure(f.asType()).toString());
    }

    /** An accessible method of the field's declaring class (inherited ones included) with that name and parameter. */
    private ExecutableElement method(TypeElement declaring, String name, TypeMirror param) {
        for (ExecutableElement e : ElementFilter.methodsIn(m.elements.getAllMembers(declaring))) {
            if (!e.getSimpleName().contentEquals(name) || e.getModifiers().contains(Modifier.STATIC)) continue;
            Set<Modifier> mods = e.getModifiers();
            TypeElement owner = (TypeElement) e.getEnclosingElement();
            if (!(mods.contains(Modifier.PUBLIC) && m.accessibleType(owner)) && (mods.contains(Modifier.PRIVATE) || !m.samePackage(owner))) continue;
            if (param == null ? e.getParameters().isEmpty()
                    : e.getParameters().size() == 1 && m.types.isSameType(m.types.erasure(e.getParameters().get(0).asType()), m.types.erasure(param)))
                return e;
        }
        return null;
    }
}
