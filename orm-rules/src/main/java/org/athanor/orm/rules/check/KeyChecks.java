package org.athanor.orm.rules.check;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.rules.Messages;

/**
 * The entity's key fields: {@code @Id}, {@code @EmbeddedId} with {@code @IdClass}, {@code @Id} on a
 * reference (a derived identity), and a subclass that inherits its key. Written once for the runtime
 * and the annotation processor.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class KeyChecks {
    private KeyChecks() {}

    private static boolean reference(FieldView f) { return f.has("ManyToOne") || f.has("OneToOne"); }

    private static boolean collection(FieldView f) {
        return f.has("ElementCollection") || f.has("OneToMany") || f.has("ManyToMany");
    }

    /** The first mistake in the key of entity {@code c}, or null (after {@link ClassChecks#hierarchyProblem}). */
    public static Problem check(ClassView c) {
        ClassView parent = ClassChecks.entitySuperclass(c);
        List<ClassView> hierarchy = ClassChecks.hierarchy(c);
        if (parent != null) {
            // a subclass inherits its key: its own fields declare none
            Keys own = new Keys(ClassChecks.own(c));
            if (own.problem != null) return own.problem;
            if (own.embeddedId != null)
                return new Problem(own.embeddedId, own.embeddedId.name(), "a subclass entity inherits the key of "
                        + parent.simpleName() + "; remove @EmbeddedId");
            for (FieldView f : own.ids)
                return new Problem(f, f.name(), "a subclass entity inherits the key of " + parent.simpleName()
                        + "; remove @Id (the key is declared once, on the root)");
            for (FieldView f : own.derived) return derivedId(c, f);
            // a TABLE_PER_CLASS subclass has a full table of its own: its key is the inherited fields'
            if (!"TABLE_PER_CLASS".equals(ClassChecks.strategy(c))) return null;
        }
        Keys keys = new Keys(hierarchy);
        if (keys.problem != null) return keys.problem;
        List<FieldView> ids = keys.ids;
        FieldView embeddedId = keys.embeddedId;
        boolean idClass = c.has("IdClass");
        if (!keys.derived.isEmpty()) {
            FieldView f = keys.derived.get(0);
            if (f.has("MapsId")) return new Problem(f, f.name(), Messages.mapsIdWithId());
            if (embeddedId != null) return new Problem(embeddedId, embeddedId.name(), Messages.embeddedIdAndId());
            Problem p = derivedId(c, f);
            return p != null ? p : generatedComposite(ids);
        }
        if (ids.isEmpty() && embeddedId == null) {
            for (ClassView k = c; k != null; k = k.superclass())
                for (MethodView m : k.methods())
                    if (m.has("Id") || m.has("EmbeddedId"))
                        return new Problem(m, null, "@Id is on the method " + m.name() + "(); Athanor maps fields (field "
                                + "access), so put @Id and the other annotations on the fields");
            return new Problem(c, null, "has no @Id field; mark the primary key field with @Id (or @EmbeddedId / several "
                    + "@Id with @IdClass for a composite key)");
        }
        if (embeddedId != null && !ids.isEmpty()) return new Problem(embeddedId, embeddedId.name(), Messages.embeddedIdAndId());
        if (embeddedId != null && idClass)
            return new Problem(embeddedId, embeddedId.name(), "@IdClass and @EmbeddedId cannot be combined");
        if (ids.size() > 1 && !idClass)
            return new Problem(c, null, Messages.compositeKeyWithoutIdClass(ids.stream().map(FieldView::name).toList()));
        if (ids.size() > 1) return generatedComposite(ids);
        ClassView key = embeddedId == null ? null : embeddedId.type().asClass();
        if (key == null) return null;
        List<FieldView> components = key.fields().stream().filter(f -> !f.skipped()).toList();
        for (FieldView f : components)
            if (components.size() > 1 && f.has("GeneratedValue"))
                return new Problem(f, embeddedId.name() + "." + f.name(), "@GeneratedValue on a composite key is not supported");
        return null;
    }

    /** The key fields of some classes of the hierarchy, in declaration order. */
    private static final class Keys {
        final List<FieldView> ids = new ArrayList<>(), derived = new ArrayList<>();
        FieldView embeddedId;
        Problem problem;

        Keys(List<ClassView> classes) {
            for (ClassView k : classes)
                for (FieldView f : k.fields()) {
                    if (f.skipped() || collection(f)) continue;
                    if (reference(f)) {
                        if (f.has("Id")) derived.add(f);
                    } else if (f.has("EmbeddedId")) {
                        if (embeddedId != null && problem == null)
                            problem = new Problem(f, f.name(), "a second @EmbeddedId (the first is " + embeddedId.name() + ")");
                        if (embeddedId == null) embeddedId = f;
                    } else if (f.has("Id")) ids.add(f);
                }
        }
    }

    /** A key attribute: its name and its type's boxed canonical name (a derived id's: the referenced entity's id type). */
    public record Key(String name, String type) {}

    /**
     * The mistake of a composite key's class ({@code kind} "@IdClass" or "@EmbeddedId"): it needs a field of
     * each key attribute's name and type; null when it has them.
     */
    public static String keyClassProblem(String kind, ClassView keyClass, List<Key> keys) {
        for (Key key : keys) {
            FieldView f = null;
            for (ClassView k = keyClass; k != null && f == null; k = k.superclass())
                for (FieldView x : k.fields()) if (f == null && x.name().equals(key.name()) && !x.skipped()) f = x;
            if (f == null || !f.type().boxedName().equals(key.type()))
                return kind + " " + keyClass.name() + " must have a field '" + key.name() + "' of type "
                        + key.type().substring(key.type().lastIndexOf('.') + 1) + " matching the key attribute"
                        + (f == null ? "" : " (it is " + f.type().messageName() + ")");
        }
        return null;
    }

    /**
     * The mistake of entity {@code c}'s key class (its {@code @EmbeddedId}'s, or its {@code @IdClass}) against its key
     * attributes ({@link KeyColumns#keyAttributes}), or null. For a hierarchy's root or a TABLE_PER_CLASS class: a
     * subclass shares its root's key.
     */
    public static Problem keyClass(ClassView c) {
        FieldView embedded = KeyColumns.embeddedId(c);
        AnnotationView idClass = c.annotation("IdClass");
        ClassView keyClass = embedded != null ? embedded.type().asClass()
                : idClass != null && idClass.value("value") instanceof TypeView t ? t.asClass() : null;
        if (keyClass == null) return null;
        String p = keyClassProblem(embedded != null ? "@EmbeddedId" : "@IdClass", keyClass, KeyColumns.keyAttributes(c));
        return p == null ? null : new Problem(c, null, p);
    }

    /** A component of the {@code @EmbeddedId}: its name, its type's boxed canonical name and its column. */
    public record Component(String name, String type, String column) {}

    /**
     * The mistake of {@code @MapsId(name)} on a reference whose target's id type is {@code targetIdType} (boxed
     * canonical name; null when not known here) and whose {@code @JoinColumn} name is {@code joinColumn} ("" when
     * none), given the entity's {@code @EmbeddedId} components; null when it names a component it can share.
     */
    public static String mapsIdProblem(String name, List<Component> components, String targetIdType, String joinColumn) {
        if (components.isEmpty()) return Messages.mapsIdWithoutEmbeddedId();
        Component c = components.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        if (c == null) return Messages.mapsIdUnknown(name, components.stream().map(Component::name).toList());
        if (targetIdType != null && !c.type().equals(targetIdType))
            return Messages.mapsIdType(name, simple(c.type()), simple(targetIdType));
        if (!joinColumn.isEmpty() && !joinColumn.equalsIgnoreCase(c.column()))
            return Messages.mapsIdJoinColumn(joinColumn, name, c.column());
        return null;
    }

    private static String simple(String qualified) { return qualified.substring(qualified.lastIndexOf('.') + 1); }

    /** The rules for {@code @Id} on reference {@code f} of entity {@code c} (a derived identity), or null. */
    public static Problem derivedId(ClassView c, FieldView f) {
        if (f.has("MapsId")) return new Problem(f, f.name(), Messages.mapsIdWithId());
        if (ClassChecks.entitySuperclass(c) != null || c.has("Inheritance"))
            return new Problem(f, f.name(), Messages.derivedIdInHierarchy());
        if (!c.has("IdClass")) return new Problem(f, f.name(), Messages.derivedIdWithoutIdClass(f.name()));
        return null;
    }

    private static Problem generatedComposite(List<FieldView> ids) {
        for (FieldView f : ids)
            if (f.has("GeneratedValue")) return new Problem(f, f.name(), "@GeneratedValue on a composite key is not supported");
        return null;
    }
}
