package org.athanor.orm.processor;

import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.Messages;

/** The jakarta.persistence annotations of the entity's classes, methods and listeners: each honoured or refused (the runtime's AnnotationRules). */
final class AnnotationChecks {
    private final EntityModel m;

    AnnotationChecks(EntityModel m) { this.m = m; }

    /** Reports the first refused jakarta.persistence annotation of relationship field {@code f} (as the runtime's ToOnes does). */
    boolean refusedAnnotation(VariableElement f) {
        for (AnnotationMirror a : f.getAnnotationMirrors()) {
            String p = jakartaName(a) == null ? null : AnnotationRules.problem(jakartaName(a), null);
            if (p != null) {
                m.error(f, f.getSimpleName().toString(), p);
                return true;
            }
        }
        return false;
    }

    void checkAnnotations(List<TypeElement> hierarchy) {
        if (nonEmpty(m.ann.value(Annotations.find(m.entity, "Table"), "check")))
            m.error(m.entity, null, AnnotationRules.problem("CheckConstraint", null));
        AnnotationMirror table = Annotations.find(m.entity, "Table");
        for (String member : List.of("comment", "options")) {
            String p = table == null ? null : AnnotationRules.ddlMemberProblem("Table", member, m.ann.string(table, member));
            if (p != null) { m.error(m.entity, null, p); break; }
        }
        for (TypeElement c : hierarchy) {
            if (Annotations.has(c, "AttributeOverride") || Annotations.has(c, "AttributeOverrides"))
                m.error(m.entity, null, Messages.overrideOnClass());
            for (AnnotationMirror a : c.getAnnotationMirrors()) {
                String p = jakartaName(a) == null ? null : AnnotationRules.problem(jakartaName(a), null);
                if (p != null) m.error(m.entity, null, p);
            }
            for (ExecutableElement method : ElementFilter.methodsIn(c.getEnclosedElements()))
                for (AnnotationMirror a : method.getAnnotationMirrors()) {
                    String n = jakartaName(a);
                    if (n == null) continue;
                    String p = AnnotationRules.problem(n, method.getSimpleName().toString());
                    if (p == null && AnnotationRules.CALLBACKS.contains(n))
                        p = AnnotationRules.callbackProblem(n, method.getSimpleName().toString(),
                                method.getModifiers().contains(javax.lang.model.element.Modifier.STATIC), method.getParameters().size(),
                                method.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID);
                    if (p != null) m.error(method, null, p);
                }
        }
        checkListeners(hierarchy);
    }

    /**
     * The {@code @EntityListeners} classes of the hierarchy (the runtime's Callbacks.of does the same
     * checks): concrete, default-constructible, each callback method an instance method returning void
     * and taking the entity.
     */
    private void checkListeners(List<TypeElement> hierarchy) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TypeElement c : hierarchy) {
            Object v = m.ann.value(Annotations.find(c, "EntityListeners"), "value");
            if (!(v instanceof List<?> list)) continue;
            for (Object o : list) {
                if (!(((javax.lang.model.element.AnnotationValue) o).getValue() instanceof TypeMirror tm)
                        || !(m.types.asElement(tm) instanceof TypeElement l)) continue;
                String name = l.getQualifiedName().toString(), which = "the entity listener " + name;
                if (!seen.add(name)) {
                    m.error(m.entity, null, which + " is listed twice in @EntityListeners of its hierarchy; list each listener class once");
                    continue;
                }
                if (l.getKind() != javax.lang.model.element.ElementKind.CLASS || l.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)) {
                    m.error(m.entity, null, which + " is not a concrete class; @EntityListeners names classes Athanor"
                            + " instantiates with their constructor without parameters");
                    continue;
                }
                if (l.getNestingKind() == javax.lang.model.element.NestingKind.MEMBER && !l.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
                    m.error(m.entity, null, which + " is an inner class; make it a static nested or top-level class with a constructor without parameters");
                    continue;
                }
                boolean any = false;
                for (TypeElement lc = l; lc != null && !lc.getQualifiedName().contentEquals("java.lang.Object");
                        lc = lc.getSuperclass().getKind() == TypeKind.DECLARED ? (TypeElement) m.types.asElement(lc.getSuperclass()) : null)
                    for (ExecutableElement method : ElementFilter.methodsIn(lc.getEnclosedElements()))
                        for (AnnotationMirror a : method.getAnnotationMirrors()) {
                            String n = jakartaName(a);
                            if (n == null) continue;
                            String mn = method.getSimpleName().toString(), p;
                            if (!AnnotationRules.CALLBACKS.contains(n)) p = AnnotationRules.listenerAnnotationProblem(n, name, mn);
                            else {
                                int params = method.getParameters().size();
                                TypeMirror pt = params == 1 ? method.getParameters().get(0).asType() : null;
                                p = AnnotationRules.listenerCallbackProblem(n, name, mn,
                                        method.getModifiers().contains(javax.lang.model.element.Modifier.STATIC), params,
                                        method.getReturnType().getKind() == TypeKind.VOID,
                                        pt != null && m.types.isAssignable(m.types.erasure(m.entity.asType()), m.types.erasure(pt)),
                                        pt == null ? null : m.types.erasure(pt).toString(), m.entity.getQualifiedName().toString());
                            }
                            if (p != null) m.error(m.entity, null, p);
                            any = true;
                        }
                if (!any)
                    m.error(m.entity, null, which + " declares no lifecycle callback method (@PrePersist, ..., taking the"
                            + " entity); remove it from @EntityListeners or annotate its methods");
                else if (ElementFilter.constructorsIn(l.getEnclosedElements()).stream().noneMatch(k -> k.getParameters().isEmpty()))
                    m.error(m.entity, null, which + " has no constructor without parameters; an entity listener class must be default-constructible");
            }
        }
    }

    /** The simple name of a jakarta.persistence annotation, else null. */
    static String jakartaName(AnnotationMirror a) {
        TypeElement t = (TypeElement) a.getAnnotationType().asElement();
        String q = t.getQualifiedName().toString();
        return q.equals(AnnotationRules.PACKAGE + "." + t.getSimpleName()) ? t.getSimpleName().toString() : null;
    }

    static boolean nonEmpty(Object arrayValue) { return arrayValue instanceof List<?> l && !l.isEmpty(); }
}
