package org.athanor.orm.rules.check;

import java.util.Set;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.Messages;
import org.athanor.orm.rules.TypeRules;

/**
 * One basic field (or a field of an embeddable, reached through the entity's {@code @EmbeddedId} or an
 * {@code @Embedded} field): its annotations honoured or refused, its type, {@code @Column},
 * {@code @Enumerated}, {@code @Lob}, {@code @Convert}, {@code @Id}, {@code @Version} and
 * {@code @GeneratedValue}. Written once for the runtime and the annotation processor.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class AttributeChecks {
    private AttributeChecks() {}

    /**
     * The first mistake of field {@code f} of {@code entity}, or null. {@code label}: the field as messages
     * name it ("name", or "key.lineNo" for an embeddable's field); {@code column}: its effective {@code @Column}
     * (an {@code @AttributeOverride}'s for an embedded field), or null; {@code id}: it is (part of) the key.
     */
    public static Problem check(ClassView entity, FieldView f, String label, AnnotationView column, boolean id) {
        // @AttributeOverride renames an embeddable's column: on the entity's own basic field it means nothing
        String m = label.equals(f.name()) && (f.has("AttributeOverride") || f.has("AttributeOverrides")) ? Messages.overrideNotEmbedded()
                : message(entity, f, column, id);
        return m == null ? null : new Problem(f, label, m);
    }

    private static String message(ClassView entity, FieldView f, AnnotationView column, boolean id) {
        for (AnnotationView a : f.annotations()) {
            String p = a.isJakarta() ? AnnotationRules.problem(a.simpleName(), null) : null;
            if (p != null) return p;
        }
        if (column != null && !column.list("check").isEmpty()) return AnnotationRules.problem("CheckConstraint", null);
        String ddl = column == null ? null : AnnotationRules.columnDdlProblem(column.string("options"), column.string("comment"));
        if (ddl != null) return ddl;
        TypeView type = f.type();
        // an enum's constants may carry @EnumeratedValue, which the enum mapping would not honour
        if (type.isEnum())
            for (FieldView c : type.asClass().fields())
                if (c.has("EnumeratedValue")) return AnnotationRules.problem("EnumeratedValue", null);
        if (f.isFinal()) return "the field is final; persistent fields must be assignable (remove final, or mark the field @Transient)";
        if (type.isTypeVariable())
            return "its type " + type.display() + " is a type variable that " + entity.simpleName() + " does not bind to a class";
        if (column != null && !column.string("table").isEmpty())
            return "@Column(table = \"" + column.string("table") + "\") names a secondary table, which is not supported";
        String value = valueProblem(f, type);
        if (value != null) return value;
        String boxed = type.boxedName();
        AnnotationView convert = f.annotation("Convert");
        boolean version = f.has("Version");
        if (id && convert == null && !TypeRules.ID_TYPES.contains(boxed))
            return "@Id on unsupported type " + type.messageName() + "; id types are " + TypeRules.describe(TypeRules.ID_TYPES);
        if (version && !TypeRules.VERSION_TYPES.contains(boxed)) return Messages.unsupportedVersionType(type.messageName());
        if (version && id) return "a field cannot be both @Id and @Version";
        AnnotationView gv = f.annotation("GeneratedValue");
        if (gv != null) {
            String strategy = gv.string("strategy");
            if (!id) return "@GeneratedValue is only allowed on the @Id field";
            if (!Set.of("AUTO", "IDENTITY", "SEQUENCE").contains(strategy))
                return "@GeneratedValue(strategy = " + strategy + ") is not supported; use IDENTITY, SEQUENCE, AUTO (= IDENTITY), "
                        + "or assign the value yourself";
            if (!TypeRules.INTEGRAL.contains(boxed))
                return "@GeneratedValue(" + strategy + ") needs an integer field (short, int, long or their wrappers), but the "
                        + "field is " + type.messageName();
            if (strategy.equals("SEQUENCE")) return sequenceProblem(entity, f, gv.string("generator"));
        }
        return null;
    }

    /**
     * What field {@code f} may hold, values of type {@code value} (the field's type, or an element collection's
     * element type): {@code @Enumerated} on an enum, {@code @Lob} on String or byte[], a converter that fits, else a
     * basic type. Null when it fits.
     */
    public static String valueProblem(FieldView f, TypeView value) {
        String boxed = value.boxedName();
        AnnotationView convert = f.annotation("Convert");
        boolean converted = convert != null && !convert.bool("disableConversion", false);
        if (f.has("Enumerated") && !value.isEnum()) return "@Enumerated is only for enum fields, but the field is " + value.boxedMessageName();
        if (f.has("Lob") && !boxed.equals("java.lang.String") && !boxed.equals("byte[]"))
            return "@Lob is supported on String (TEXT) and byte[] (BLOB), not " + value.boxedMessageName();
        // an unresolved converter class (processor) is javac's error to report
        if (converted && convert.value("converter") instanceof TypeView c && c.asClass() != null) return ConverterChecks.problem(c, value);
        if (!converted && !value.isEnum() && !TypeRules.BASIC.contains(boxed))
            return "unsupported field type " + f.type().display() + "; supported types are " + TypeRules.SUPPORTED
                    + (value.isRecord() ? " (a record cannot be embedded: map an @Embeddable class with a no-arg constructor)" : "")
                    + "; or mark the field @Transient";
        return null;
    }

    /** The {@code @SequenceGenerator} a SEQUENCE id uses: on the field, else named by the generator on the classes. */
    private static String sequenceProblem(ClassView entity, FieldView f, String generator) {
        AnnotationView g = null;
        for (AnnotationView x : sequenceGenerators(f))
            if (g == null && (generator.isEmpty() || x.string("name").equals(generator))) g = x;
        if (g == null && !generator.isEmpty()) {
            for (ClassView c : ClassChecks.hierarchy(entity))
                for (AnnotationView x : sequenceGenerators(c)) if (g == null && x.string("name").equals(generator)) g = x;
            if (g == null)
                return "@GeneratedValue(generator = \"" + generator + "\") names no @SequenceGenerator on the field or on "
                        + entity.simpleName() + " and its mapped superclasses";
        }
        if (g == null) return null; // the default sequence, <table>_seq
        String ddl = AnnotationRules.ddlMemberProblem("SequenceGenerator", "options", g.string("options"));
        if (ddl != null) return ddl;
        if (!g.string("schema").isEmpty() || !g.string("catalog").isEmpty())
            return "@SequenceGenerator(schema/catalog) is not supported; the sequence is looked up in the connection's default schema";
        if (g.string("sequenceName").isEmpty() && g.string("name").isBlank())
            return "@SequenceGenerator needs a name or a sequenceName";
        return null;
    }

    private static java.util.List<AnnotationView> sequenceGenerators(Annotated a) {
        java.util.List<AnnotationView> out = new java.util.ArrayList<>();
        AnnotationView one = a.annotation("SequenceGenerator");
        if (one != null) out.add(one);
        AnnotationView many = a.annotation("SequenceGenerators");
        if (many != null) for (Object o : many.list("value")) out.add((AnnotationView) o);
        return out;
    }
}
