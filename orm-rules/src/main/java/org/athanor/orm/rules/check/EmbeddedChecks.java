package org.athanor.orm.rules.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.Messages;

/**
 * The entity's {@code @EmbeddedId} and {@code @Embedded} fields: the holder field, its {@code @Embeddable}
 * class, {@code @AttributeOverride}s, and what the embeddable's fields may carry. Written once for the
 * runtime and the annotation processor; each field of the embeddable is then checked as a basic field
 * ({@link AttributeChecks}).
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class EmbeddedChecks {
    private EmbeddedChecks() {}

    /** The annotations a field of an embedded value cannot carry: it holds basic columns of its owner, nothing else. */
    private static final Set<String> NOT_IN_EMBEDDED = Set.of("Id", "Version", "GeneratedValue", "SequenceGenerator",
            "ManyToOne", "OneToOne", "OneToMany", "ManyToMany", "JoinColumn", "JoinColumns", "JoinTable", "OrderBy", "PrimaryKeyJoinColumn");
    /** The jakarta.persistence annotations an @Embedded field itself may carry. */
    private static final Set<String> ON_EMBEDDED = Set.of("Embedded", "AttributeOverride", "AttributeOverrides");

    /** Whether the field holds an embedded value: {@code @Embedded}, or (as JPA) its type is {@code @Embeddable}. */
    public static boolean isEmbedded(FieldView f) {
        return f.has("Embedded") || !f.has("EmbeddedId") && f.type().asClass() != null && f.type().asClass().has("Embeddable");
    }

    /** The persistent fields of an embeddable, in declaration order. */
    public static List<FieldView> fields(ClassView embeddable) {
        return embeddable.fields().stream().filter(f -> !f.skipped()).toList();
    }

    /**
     * The first mistake of the {@code @EmbeddedId} ({@code embedded} false) or {@code @Embedded} field
     * {@code holder}, or null.
     */
    public static Problem check(FieldView holder, boolean embedded) {
        String hn = holder.name();
        if (!embedded && holder.has("Id")) return new Problem(holder, hn, "use either @Id or @EmbeddedId on a field, not both");
        ClassView type = holder.type().asClass();
        if (type == null || !type.has("Embeddable"))
            return new Problem(holder, hn, embedded ? Messages.embeddedNotEmbeddable(holder.type().messageName())
                    : "the @EmbeddedId type " + holder.type().messageName() + " must be annotated @Embeddable");
        if (embedded)
            for (AnnotationView a : holder.annotations()) {
                if (!a.isJakarta()) continue;
                String p = AnnotationRules.problem(a.simpleName(), null);
                if (p == null && !ON_EMBEDDED.contains(a.simpleName()))
                    p = "@" + a.simpleName() + " has no meaning on an @Embedded field; annotate the embeddable's fields, or"
                            + " rename their columns with @AttributeOverride(name = ..., column = @Column(...))";
                if (p != null) return new Problem(holder, hn, p);
            }
        if (holder.isFinal()) return new Problem(holder, hn, "the field is final; persistent fields must be assignable");
        if (!type.hasNoArgConstructor())
            return new Problem(holder, hn, "the @Embeddable " + type.name() + " needs a no-arg constructor");
        for (ClassView s = type.superclass(); s != null; s = s.superclass())
            if (!fields(s).isEmpty()) return new Problem(holder, hn, Messages.embeddableSuperclass(type.name(), s.name()));
        List<FieldView> fields = fields(type);
        List<String> names = fields.stream().map(FieldView::name).toList();
        List<String> seen = new ArrayList<>();
        for (AnnotationView o : given(holder)) {
            String name = o.string("name");
            if (!names.contains(name)) return new Problem(holder, hn, Messages.overrideUnknown(name, type.name(), names));
            if (seen.contains(name)) return new Problem(holder, hn, Messages.overrideTwice(name));
            seen.add(name);
        }
        if (embedded)
            for (FieldView f : fields) {
                String label = hn + "." + f.name();
                if (f.has("Embedded") || f.has("EmbeddedId") || f.type().asClass() != null && f.type().asClass().has("Embeddable"))
                    return new Problem(f, label, Messages.nestedEmbedded(f.type().messageName()));
                for (AnnotationView a : f.annotations())
                    if (a.isJakarta() && NOT_IN_EMBEDDED.contains(a.simpleName()))
                        return new Problem(f, label, Messages.notInEmbedded(a.simpleName()));
            }
        if (fields.isEmpty()) return new Problem(holder, hn, "the @Embeddable " + type.name() + " has no persistent fields");
        return null;
    }

    /** The {@code @Column} of each {@code @AttributeOverride} of {@code holder} (checked), by the embeddable's field name. */
    public static Map<String, AnnotationView> overrides(FieldView holder) {
        Map<String, AnnotationView> out = new HashMap<>();
        for (AnnotationView o : given(holder)) out.put(o.string("name"), (AnnotationView) o.value("column"));
        return out;
    }

    private static List<AnnotationView> given(FieldView holder) {
        List<AnnotationView> out = new ArrayList<>();
        AnnotationView one = holder.annotation("AttributeOverride");
        if (one != null) out.add(one);
        AnnotationView many = holder.annotation("AttributeOverrides");
        if (many != null) for (Object o : many.list("value")) out.add((AnnotationView) o);
        return out;
    }
}
