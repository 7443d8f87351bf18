package org.athanor.orm.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.athanor.orm.rules.check.Annotated;
import org.athanor.orm.rules.check.AnnotationView;
import org.athanor.orm.rules.check.ClassView;
import org.athanor.orm.rules.check.FieldView;
import org.athanor.orm.rules.check.MethodView;
import org.athanor.orm.rules.check.TypeView;

/**
 * The javax.lang.model side of the shared mapping checks (org.athanor.orm.rules.check): classes,
 * fields, methods, types and annotations as the checks' views; a problem is reported on the element
 * its view came from ({@link #element}). The runtime adapts reflection the same way (ReflectionViews),
 * so both run one implementation of the checks.
 */
final class ElementViews {
    private final Types types;
    private final Elements elements;

    ElementViews(Types types, Elements elements) {
        this.types = types;
        this.elements = elements;
    }

    /** {@code c} as a view; the fields' types are resolved as members of {@code c}. */
    ClassView of(TypeElement c) { return new ClassV(c, (DeclaredType) c.asType()); }

    /** Field {@code f} whose type, as the entity sees it, is {@code type}. */
    FieldView field(VariableElement f, TypeMirror type) { return new FieldV(f, null, type); }

    TypeView type(TypeMirror t) { return new TypeV(t); }

    AnnotationView annotation(AnnotationMirror a) { return a == null ? null : new AnnotationV(a); }

    /** The annotation mirror a view (made here) stands for, or null. */
    AnnotationMirror mirror(AnnotationView view) { return view == null ? null : ((AnnotationV) view).a; }

    /** The element a problem's view stands for, to report the error on. */
    static Element element(Annotated view) {
        if (view instanceof ClassV c) return c.e;
        if (view instanceof FieldV f) return f.v;
        return ((MethodV) view).m;
    }

    private List<AnnotationView> annotations(Element e) {
        List<AnnotationView> out = new ArrayList<>();
        for (AnnotationMirror a : e.getAnnotationMirrors()) out.add(new AnnotationV(a));
        return out;
    }

    private final class ClassV implements ClassView {
        final TypeElement e;
        final DeclaredType owner;

        ClassV(TypeElement e, DeclaredType owner) {
            this.e = e;
            this.owner = owner;
        }

        @Override public String name() { return e.getQualifiedName().toString(); }
        @Override public String simpleName() { return e.getSimpleName().toString(); }
        @Override public Kind kind() {
            return switch (e.getKind()) {
                case RECORD -> Kind.RECORD;
                case INTERFACE -> Kind.INTERFACE;
                case ENUM -> Kind.ENUM;
                case ANNOTATION_TYPE -> Kind.ANNOTATION;
                default -> Kind.CLASS;
            };
        }
        @Override public Nesting nesting() {
            return switch (e.getNestingKind()) {
                case TOP_LEVEL -> Nesting.TOP_LEVEL;
                case MEMBER -> Nesting.MEMBER;
                case LOCAL -> Nesting.LOCAL;
                case ANONYMOUS -> Nesting.ANONYMOUS;
            };
        }
        @Override public boolean isAbstract() { return e.getModifiers().contains(Modifier.ABSTRACT); }
        @Override public boolean isStatic() { return e.getModifiers().contains(Modifier.STATIC); }
        @Override public ClassView superclass() {
            TypeMirror s = e.getSuperclass();
            if (s.getKind() != TypeKind.DECLARED) return null;
            TypeElement t = (TypeElement) types.asElement(s);
            return t.getQualifiedName().contentEquals("java.lang.Object") ? null : new ClassV(t, owner);
        }
        @Override public List<FieldView> fields() {
            List<FieldView> out = new ArrayList<>();
            for (VariableElement v : ElementFilter.fieldsIn(e.getEnclosedElements())) out.add(new FieldV(v, owner, null));
            return out;
        }
        @Override public List<MethodView> methods() {
            List<MethodView> out = new ArrayList<>();
            for (ExecutableElement m : ElementFilter.methodsIn(e.getEnclosedElements())) out.add(new MethodV(m));
            return out;
        }
        @Override public boolean hasNoArgConstructor() {
            return ElementFilter.constructorsIn(e.getEnclosedElements()).stream().anyMatch(k -> k.getParameters().isEmpty());
        }
        @Override public boolean isAssignableTo(TypeView type) {
            return type instanceof TypeV t && types.isAssignable(types.erasure(e.asType()), types.erasure(t.t));
        }
        @Override public List<AnnotationView> annotations() { return ElementViews.this.annotations(e); }
    }

    /** {@code owner}: the type the field's type is seen from; {@code type}: that type when already known. */
    private final class FieldV implements FieldView {
        final VariableElement v;
        final DeclaredType owner;
        final TypeMirror type;

        FieldV(VariableElement v, DeclaredType owner, TypeMirror type) {
            this.v = v;
            this.owner = owner;
            this.type = type;
        }

        @Override public String name() { return v.getSimpleName().toString(); }
        @Override public ClassView declaringClass() {
            TypeElement d = (TypeElement) v.getEnclosingElement();
            return new ClassV(d, owner != null ? owner : (DeclaredType) d.asType());
        }
        @Override public boolean isStatic() { return v.getModifiers().contains(Modifier.STATIC); }
        @Override public boolean isTransient() { return v.getModifiers().contains(Modifier.TRANSIENT); }
        @Override public boolean isFinal() { return v.getModifiers().contains(Modifier.FINAL); }
        @Override public boolean isSynthetic() { return false; }
        @Override public TypeView type() {
            if (type != null) return new TypeV(type, v.asType());
            try {
                return new TypeV(types.asMemberOf(owner, v), v.asType());
            } catch (IllegalArgumentException notAMember) {
                return new TypeV(v.asType());
            }
        }
        @Override public TypeView elementType() {
            TypeMirror t = type != null ? type : v.asType();
            if (!(t instanceof DeclaredType d) || d.getTypeArguments().size() != 1) return null;
            TypeMirror a = d.getTypeArguments().get(0);
            // a plain class or an array, as the runtime's reflection sees a Class argument
            boolean plain = a.getKind() == TypeKind.ARRAY || a instanceof DeclaredType x && x.getTypeArguments().isEmpty();
            return plain ? new TypeV(a) : null;
        }
        @Override public List<AnnotationView> annotations() { return ElementViews.this.annotations(v); }
    }

    private final class MethodV implements MethodView {
        final ExecutableElement m;

        MethodV(ExecutableElement m) { this.m = m; }

        @Override public String name() { return m.getSimpleName().toString(); }
        @Override public boolean isStatic() { return m.getModifiers().contains(Modifier.STATIC); }
        @Override public int parameterCount() { return m.getParameters().size(); }
        @Override public TypeView firstParameter() { return m.getParameters().isEmpty() ? null : new TypeV(m.getParameters().get(0).asType()); }
        @Override public boolean returnsVoid() { return m.getReturnType().getKind() == TypeKind.VOID; }
        @Override public List<AnnotationView> annotations() { return ElementViews.this.annotations(m); }
    }

    /** {@code t} the type (resolved as a member of the entity), {@code declared} as written (for messages, as the runtime's). */
    private final class TypeV implements TypeView {
        final TypeMirror t, declared;

        TypeV(TypeMirror t) { this(t, t); }

        TypeV(TypeMirror t, TypeMirror declared) {
            this.t = t;
            this.declared = declared;
        }

        @Override public String name() {
            TypeMirror erased = types.erasure(t);
            if (erased.getKind() == TypeKind.DECLARED) return ((TypeElement) types.asElement(erased)).getQualifiedName().toString();
            return erased.toString();
        }
        @Override public String messageName() { return types.erasure(t).toString(); }
        @Override public String display() { return declared.toString(); }
        @Override public boolean isPrimitive() { return t.getKind().isPrimitive(); }
        @Override public boolean isTypeVariable() { return t.getKind() == TypeKind.TYPEVAR; }
        @Override public ClassView asClass() {
            return t.getKind() == TypeKind.DECLARED ? new ClassV((TypeElement) types.asElement(t), (DeclaredType) t) : null;
        }
        @Override public boolean isAssignableTo(TypeView target) {
            return target instanceof TypeV x && types.isAssignable(box(types.erasure(t)), box(types.erasure(x.t)));
        }
        @Override public List<TypeView> typeArguments(String generic) {
            java.util.Deque<TypeMirror> todo = new java.util.ArrayDeque<>(List.of(t));
            while (!todo.isEmpty()) {
                TypeMirror k = todo.pop();
                if (k instanceof DeclaredType d && ((TypeElement) d.asElement()).getQualifiedName().contentEquals(generic)) {
                    List<TypeView> out = new ArrayList<>();
                    for (TypeMirror a : d.getTypeArguments()) {
                        if (a.getKind() != TypeKind.DECLARED && a.getKind() != TypeKind.ARRAY) return null; // not a concrete class
                        out.add(new TypeV(types.erasure(a)));
                    }
                    return out;
                }
                todo.addAll(types.directSupertypes(k));
            }
            return null;
        }
    }

    private TypeMirror box(TypeMirror t) {
        return t.getKind().isPrimitive() ? types.boxedClass((javax.lang.model.type.PrimitiveType) t).asType() : t;
    }

    private final class AnnotationV implements AnnotationView {
        final AnnotationMirror a;

        AnnotationV(AnnotationMirror a) { this.a = a; }

        @Override public String type() { return ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString(); }
        @Override public Object value(String member) {
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> en : elements.getElementValuesWithDefaults(a).entrySet())
                if (en.getKey().getSimpleName().contentEquals(member)) return plain(en.getValue().getValue());
            return null;
        }

        private Object plain(Object v) {
            if (v instanceof VariableElement constant) return constant.getSimpleName().toString();
            if (v instanceof TypeMirror t) return new TypeV(t);
            if (v instanceof AnnotationMirror n) return new AnnotationV(n);
            if (v instanceof List<?> list) {
                List<Object> out = new ArrayList<>();
                for (Object o : list) out.add(plain(((AnnotationValue) o).getValue()));
                return out;
            }
            return v;
        }
    }
}
