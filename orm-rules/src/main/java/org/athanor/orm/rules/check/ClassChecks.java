package org.athanor.orm.rules.check;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.rules.Messages;

/**
 * The entity class itself: its shape and its place in an inheritance hierarchy. Written once for the
 * runtime (org.athanor.orm.mapping.MappingBuilder) and the annotation processor; each method returns the
 * first mistake, or null.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class ClassChecks {
    private ClassChecks() {}

    /** A class that cannot be an entity at all: a record, an interface, an abstract class outside a hierarchy, ... */
    public static Problem shape(ClassView c) {
        String p = shapeMessage(c);
        return p == null ? null : new Problem(c, null, p);
    }

    private static String shapeMessage(ClassView c) {
        if (c.kind() == ClassView.Kind.RECORD)
            return "records are not entities (they are immutable); use a record as a read-only query projection, and map"
                    + " a class with a no-arg constructor as the @Entity";
        if (!c.has("Entity"))
            return "is not an @Entity; annotate it with @jakarta.persistence.Entity"
                    + (c.has("MappedSuperclass") ? " (a @MappedSuperclass is not mapped on its own)" : "");
        if (c.kind() != ClassView.Kind.CLASS) return "an @Entity must be a class, not an interface or enum";
        if (c.isAbstract() && !c.has("Inheritance") && entitySuperclass(c) == null)
            return "an abstract @Entity has no rows of its own, so it must be the base of an inheritance hierarchy: "
                    + "annotate it @Inheritance(strategy = SINGLE_TABLE or JOINED) and map its concrete subclasses, or make "
                    + "it a @MappedSuperclass";
        if (c.nesting() == ClassView.Nesting.LOCAL || c.nesting() == ClassView.Nesting.ANONYMOUS
                || c.nesting() == ClassView.Nesting.MEMBER && !c.isStatic())
            return Messages.notTopLevel();
        AnnotationView access = c.annotation("Access");
        if (access != null && access.string("value").equals("PROPERTY")) return Messages.propertyAccess();
        if (!c.hasNoArgConstructor()) return Messages.noNoArgConstructor();
        return null;
    }

    /** The nearest superclass annotated {@code @Entity}, or null. */
    public static ClassView entitySuperclass(ClassView c) {
        for (ClassView s = c.superclass(); s != null; s = s.superclass())
            if (s.has("Entity")) return s;
        return null;
    }

    /**
     * The classes holding the entity's persistent state, topmost first: its entity superclasses and
     * mapped superclasses, then the entity. Like JPA, a superclass that is neither contributes nothing.
     */
    public static List<ClassView> hierarchy(ClassView c) {
        List<ClassView> chain = new ArrayList<>();
        for (ClassView s = c.superclass(); s != null; s = s.superclass())
            if (s.has("MappedSuperclass") || s.has("Entity")) chain.add(0, s);
        chain.add(c);
        return chain;
    }

    /**
     * The classes whose fields the entity maps itself: the whole {@link #hierarchy} for a root, the part
     * below its entity superclass for a subclass (the superclass is checked as an entity of its own).
     */
    public static List<ClassView> own(ClassView c) {
        List<ClassView> hierarchy = hierarchy(c);
        ClassView parent = entitySuperclass(c);
        if (parent == null) return hierarchy;
        int at = 0;
        for (int i = 0; i < hierarchy.size(); i++) if (hierarchy.get(i).name().equals(parent.name())) at = i + 1;
        return hierarchy.subList(at, hierarchy.size());
    }

    /** The topmost {@code @Entity} of {@code c}'s hierarchy ({@code c} itself when it extends no entity). */
    public static ClassView root(ClassView c) {
        ClassView root = c;
        for (ClassView s = c.superclass(); s != null; s = s.superclass())
            if (s.has("Entity")) root = s;
        return root;
    }

    /** The hierarchy's strategy ("SINGLE_TABLE", "JOINED", "TABLE_PER_CLASS"), or null when {@code c} is in none. */
    public static String strategy(ClassView c) {
        AnnotationView inh = root(c).annotation("Inheritance");
        return inh == null ? null : inh.string("strategy");
    }

    /**
     * What the hierarchy's annotations cannot mean ({@code @Inheritance} on a subclass, a discriminator
     * outside a hierarchy, ...), and an IDENTITY key in a TABLE_PER_CLASS hierarchy.
     */
    public static Problem hierarchyProblem(ClassView c) {
        String p = hierarchyMessage(c);
        if (p != null) return new Problem(c, null, p);
        return "TABLE_PER_CLASS".equals(strategy(c)) ? tablePerClassIds(c) : null;
    }

    private static String hierarchyMessage(ClassView c) {
        ClassView parent = entitySuperclass(c);
        AnnotationView inh = c.annotation("Inheritance");
        String discriminatorValue = c.isAbstract() && c.has("DiscriminatorValue")
                ? "@DiscriminatorValue on an abstract class: it has no rows of its own; give the value on its concrete subclasses"
                : null;
        if (parent == null) {
            if (inh == null) {
                for (String a : List.of("DiscriminatorColumn", "DiscriminatorValue", "PrimaryKeyJoinColumn"))
                    if (c.has(a))
                        return "@" + a + " belongs to an inheritance hierarchy, but " + c.simpleName() + " neither extends"
                                + " an @Entity nor declares @Inheritance; annotate the root entity @Inheritance(strategy = "
                                + "SINGLE_TABLE or JOINED)";
                return null;
            }
            if (inh.string("strategy").equals("TABLE_PER_CLASS") && c.has("DiscriminatorColumn"))
                return "@DiscriminatorColumn with TABLE_PER_CLASS: each class has its own table, so there is no "
                        + "discriminator column; remove it (@DiscriminatorValue still names the class in polymorphic queries)";
            if (c.has("PrimaryKeyJoinColumn"))
                return "@PrimaryKeyJoinColumn names a JOINED subclass's key column; the root of the hierarchy has none";
            return discriminatorValue;
        }
        ClassView root = root(c);
        AnnotationView rootInh = root.annotation("Inheritance");
        if (rootInh == null)
            return "extends the @Entity " + parent.name() + ", which declares no @Inheritance; annotate it @Inheritance "
                    + "(alone: JPA's default, SINGLE_TABLE with a DTYPE discriminator column; or strategy = JOINED or "
                    + "TABLE_PER_CLASS), or make it a @MappedSuperclass";
        if (inh != null)
            return "@Inheritance belongs on the root of the hierarchy (" + root.name() + "), not on a subclass; one "
                    + "hierarchy has one strategy";
        if (c.has("DiscriminatorColumn"))
            return "@DiscriminatorColumn belongs on the root of the hierarchy (" + root.name() + "); a subclass gives only "
                    + "its @DiscriminatorValue";
        if (rootInh.string("strategy").equals("SINGLE_TABLE") && c.has("PrimaryKeyJoinColumn"))
            return "@PrimaryKeyJoinColumn applies to JOINED inheritance; " + c.simpleName() + " shares the table of "
                    + root.simpleName() + " (SINGLE_TABLE)";
        if (c.has("IdClass")) return "@IdClass belongs on the root of the hierarchy; a subclass inherits its key";
        return discriminatorValue;
    }

    /** TABLE_PER_CLASS: an IDENTITY key per table would repeat ids across the hierarchy. */
    private static Problem tablePerClassIds(ClassView c) {
        for (ClassView k = c; k != null; k = k.superclass())
            for (FieldView f : k.fields()) {
                AnnotationView gv = f.annotation("GeneratedValue");
                if (gv == null || !f.has("Id") || f.skipped()) continue;
                String strategy = gv.string("strategy");
                if (strategy.equals("AUTO") || strategy.equals("IDENTITY"))
                    return new Problem(f, f.name(), "TABLE_PER_CLASS keeps each class's rows in its own table, so one "
                            + "IDENTITY column per table would hand out the same id twice in the hierarchy; use "
                            + "@GeneratedValue(strategy = SEQUENCE) (one sequence for the hierarchy) or assign the ids");
            }
        return null;
    }
}
