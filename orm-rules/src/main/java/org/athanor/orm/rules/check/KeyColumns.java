package org.athanor.orm.rules.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.orm.rules.JoinColumnRules;
import org.athanor.orm.rules.Naming;

/**
 * An entity's key columns as its mapping names them, read from its annotations alone (its mapping may not be
 * built yet, and the processor never builds one): the columns of its {@code @Id} fields, or of its
 * {@code @EmbeddedId}'s components ({@code @AttributeOverride} on the holder renames them), in key order.
 * What the reference, collection and element-collection checks compare join columns against.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class KeyColumns {
    private KeyColumns() {}

    /**
     * The key columns of {@code entity}, in key order, with their attributes' types (boxed canonical names), or the
     * mistake of using them as a reference's target.
     */
    public record Keys(List<String> columns, List<String> types, String problem) {
        public int size() { return columns.size(); }

        public String get(int i) { return columns.get(i); }
    }

    /**
     * The key columns of {@code target} (a reference's target, a collection's owner or element): a problem when a
     * reference is part of its key (a derived identity) or it has no key.
     */
    public static Keys of(ClassView target) {
        List<ClassView> hierarchy = ClassChecks.hierarchy(target);
        for (ClassView c : hierarchy)
            for (FieldView f : c.fields())
                if (f.has("Id") && (f.has("ManyToOne") || f.has("OneToOne")))
                    return new Keys(List.of(), List.of(), JoinColumnRules.derivedKeyTarget(target.simpleName(), f.name()));
        List<String> columns = new ArrayList<>(), types = new ArrayList<>();
        for (ClassView c : hierarchy)
            for (FieldView f : c.fields()) {
                if (f.skipped()) continue;
                if (f.has("EmbeddedId") && f.type().asClass() != null) {
                    for (KeyChecks.Component part : components(f)) {
                        columns.add(part.column());
                        types.add(part.type());
                    }
                } else if (f.has("Id")) {
                    columns.add(column(f, f.annotation("Column")));
                    types.add(f.type().boxedName());
                }
            }
        if (columns.isEmpty())
            return new Keys(List.of(), List.of(), "the target " + target.simpleName() + " has no @Id field; a reference needs a target "
                    + "with a key");
        return new Keys(List.copyOf(columns), List.copyOf(types), null);
    }

    /** The components of {@code @EmbeddedId} field {@code holder}: name, boxed type, column ({@code @AttributeOverride} first). */
    public static List<KeyChecks.Component> components(FieldView holder) {
        Map<String, AnnotationView> overrides = EmbeddedChecks.overrides(holder);
        List<KeyChecks.Component> out = new ArrayList<>();
        for (FieldView part : holder.type().asClass().fields())
            if (!part.skipped())
                out.add(new KeyChecks.Component(part.name(), part.type().boxedName(),
                        column(part, overrides.containsKey(part.name()) ? overrides.get(part.name()) : part.annotation("Column"))));
        return out;
    }

    /** The entity's {@code @EmbeddedId} field (the first: a second is KeyChecks' mistake), or null. */
    public static FieldView embeddedId(ClassView entity) {
        for (ClassView c : ClassChecks.hierarchy(entity))
            for (FieldView f : c.fields()) if (!f.skipped() && f.has("EmbeddedId") && f.type().asClass() != null) return f;
        return null;
    }

    /**
     * The entity's key attributes as an {@code @IdClass} must mirror them: its {@code @Id} fields, then its derived ids
     * ({@code @Id} on a reference: the referenced entity's id type), or its {@code @EmbeddedId}'s components.
     */
    public static List<KeyChecks.Key> keyAttributes(ClassView entity) {
        FieldView embedded = embeddedId(entity);
        if (embedded != null) return components(embedded).stream().map(c -> new KeyChecks.Key(c.name(), c.type())).toList();
        List<KeyChecks.Key> keys = new ArrayList<>(), derived = new ArrayList<>();
        for (ClassView c : ClassChecks.hierarchy(entity))
            for (FieldView f : c.fields()) {
                if (f.skipped() || !f.has("Id")) continue;
                if (!f.has("ManyToOne") && !f.has("OneToOne")) keys.add(new KeyChecks.Key(f.name(), f.type().boxedName()));
                else {
                    TypeView target = ReferenceChecks.target(f.annotation(f.has("ManyToOne") ? "ManyToOne" : "OneToOne"), f.type());
                    Keys k = target.asClass() == null ? null : of(target.asClass());
                    // a target without one key is the reference's mistake (ReferenceChecks)
                    if (k != null && k.problem() == null && k.size() == 1) derived.add(new KeyChecks.Key(f.name(), k.types().get(0)));
                }
            }
        keys.addAll(derived);
        return keys;
    }

    /** The {@code @JoinColumn}s as written, for {@link JoinColumnRules}. */
    public static List<JoinColumnRules.Given> given(List<AnnotationView> joinColumns) {
        return joinColumns.stream().map(jc -> new JoinColumnRules.Given(jc.string("name"), jc.string("referencedColumnName"))).toList();
    }

    /** A basic field's column: {@code @Column(name)}, else its name in snake_case (FieldMapper's rule). */
    public static String column(FieldView f, AnnotationView column) {
        String n = column == null ? "" : column.string("name");
        return n.isEmpty() ? Naming.snakeCase(f.name()) : n;
    }

    /** The entity's name: {@code @Entity(name)}, else its simple name. */
    public static String entityName(ClassView c) {
        AnnotationView e = c.annotation("Entity");
        String n = e == null ? "" : e.string("name");
        return n.isEmpty() ? c.simpleName() : n;
    }

    /** An entity's table name from its own annotations: {@code @Table(name)}, else its entity name in snake_case. */
    public static String annotatedTableName(ClassView c) {
        AnnotationView t = c.annotation("Table");
        String n = t == null ? "" : t.string("name");
        return n.isEmpty() ? Naming.snakeCase(entityName(c)) : n;
    }

    /**
     * The table the entity's own columns go in, as its mapping names it: a single-table subclass's is its root's;
     * otherwise {@code @Table(name)}, else the entity name in snake_case.
     */
    public static String tableName(ClassView c) {
        if ("SINGLE_TABLE".equals(ClassChecks.strategy(c)) && ClassChecks.entitySuperclass(c) != null) return tableName(ClassChecks.root(c));
        return annotatedTableName(c);
    }
}
