package org.athanor.orm.rules.check;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.Messages;

/**
 * Every jakarta.persistence annotation on the entity's classes, their methods and its entity listeners
 * is honoured or refused ({@link AnnotationRules}), and the lifecycle callbacks have JPA's shape.
 * Written once for the runtime and the annotation processor; fields are checked by {@link AttributeChecks}.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class AnnotationChecks {
    private AnnotationChecks() {}

    /**
     * The first refused annotation of entity {@code c}: on {@code @Table}, on the classes whose fields it
     * maps itself (a subclass's own part: its entity superclass is checked as an entity of its own) and
     * their methods, a callback method of the wrong shape, or a wrong {@code @EntityListeners} class.
     */
    public static Problem check(ClassView c) {
        Problem p = table(c);
        if (p != null) return p;
        List<ClassView> hierarchy = ClassChecks.hierarchy(c);
        for (ClassView k : ClassChecks.own(c)) {
            if (k.has("AttributeOverride") || k.has("AttributeOverrides")) return new Problem(c, null, Messages.overrideOnClass());
            for (AnnotationView a : k.annotations()) {
                String m = a.isJakarta() ? AnnotationRules.problem(a.simpleName(), null) : null;
                if (m != null) return new Problem(c, null, m);
            }
            for (MethodView method : k.methods())
                for (AnnotationView a : method.annotations()) {
                    String m = a.isJakarta() ? AnnotationRules.problem(a.simpleName(), method.name()) : null;
                    if (m != null) return new Problem(method, null, m);
                }
        }
        for (ClassView k : hierarchy)
            for (MethodView method : k.methods())
                for (AnnotationView a : method.annotations()) {
                    if (!a.isJakarta() || !AnnotationRules.CALLBACKS.contains(a.simpleName())) continue;
                    String m = AnnotationRules.callbackProblem(a.simpleName(), method.name(), method.isStatic(),
                            method.parameterCount(), method.returnsVoid());
                    if (m != null) return new Problem(method, null, m);
                }
        return listeners(c, hierarchy);
    }

    private static Problem table(ClassView c) {
        AnnotationView table = c.annotation("Table");
        if (table == null) return null;
        if (!table.string("catalog").isEmpty())
            return new Problem(c, null, "@Table(catalog = \"" + table.string("catalog") + "\") is not supported; use schema");
        for (String member : List.of("comment", "options")) {
            String m = AnnotationRules.ddlMemberProblem("Table", member, table.string(member));
            if (m != null) return new Problem(c, null, m);
        }
        if (!table.list("check").isEmpty()) return new Problem(c, null, AnnotationRules.problem("CheckConstraint", null));
        return null;
    }

    /**
     * The entity listener classes in effect ({@code @ExcludeSuperclassListeners} drops those of the classes
     * above): each listed once, concrete, static, default-constructible, each callback method an instance
     * method returning void and taking the entity.
     */
    public static List<ClassView> listenerClasses(ClassView c) {
        List<ClassView> listeners = new ArrayList<>();
        for (ClassView k : ClassChecks.hierarchy(c)) {
            if (k.has("ExcludeSuperclassListeners")) listeners.clear();
            AnnotationView el = k.annotation("EntityListeners");
            if (el != null) for (Object l : el.list("value")) if (l instanceof TypeView t && t.asClass() != null) listeners.add(t.asClass());
        }
        return listeners;
    }

    private static Problem listeners(ClassView c, List<ClassView> hierarchy) {
        List<String> seen = new ArrayList<>();
        for (ClassView l : listenerClasses(c)) {
            String which = "the entity listener " + l.name();
            if (seen.contains(l.name()))
                return new Problem(c, null, which + " is listed twice in @EntityListeners of its hierarchy; list each listener class once");
            seen.add(l.name());
            if (l.kind() != ClassView.Kind.CLASS || l.isAbstract())
                return new Problem(c, null, which + " is not a concrete class; @EntityListeners names classes Athanor"
                        + " instantiates with their constructor without parameters");
            if (l.nesting() != ClassView.Nesting.TOP_LEVEL && !l.isStatic())
                return new Problem(c, null, which + " is an inner class; make it a static nested or top-level class with a"
                        + " constructor without parameters");
            boolean any = false;
            for (ClassView k = l; k != null; k = k.superclass())
                for (MethodView method : k.methods())
                    for (AnnotationView a : method.annotations()) {
                        if (!a.isJakarta()) continue;
                        String n = a.simpleName(), m;
                        if (!AnnotationRules.CALLBACKS.contains(n)) m = AnnotationRules.listenerAnnotationProblem(n, l.name(), method.name());
                        else {
                            TypeView pt = method.firstParameter();
                            m = AnnotationRules.listenerCallbackProblem(n, l.name(), method.name(), method.isStatic(),
                                    method.parameterCount(), method.returnsVoid(), pt != null && c.isAssignableTo(pt),
                                    pt == null ? null : pt.messageName(), c.name());
                        }
                        if (m != null) return new Problem(c, null, m);
                        any = true;
                    }
            if (!any)
                return new Problem(c, null, which + " declares no lifecycle callback method (@PrePersist, ..., taking the"
                        + " entity); remove it from @EntityListeners or annotate its methods");
            if (!l.hasNoArgConstructor())
                return new Problem(c, null, which + " has no constructor without parameters; an entity listener class must"
                        + " be default-constructible");
        }
        return null;
    }
}
