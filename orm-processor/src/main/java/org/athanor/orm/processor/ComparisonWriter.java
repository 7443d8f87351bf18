package org.athanor.orm.processor;

import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * The dirty-check half of {@code <Entity>_Accessor}: {@code differs(e, snapshot)} and {@code differs(e, i, value)}
 * (the runtime's {@code EntityAccessor.differs}), each field compared in line with its snapshot value by the rule of
 * {@code EntityAccessor.sameValue}, specialized by the field's type: a primitive against its boxed value without
 * boxing the field; {@code byte[]} by content; a type no value of which can be a {@code byte[]} or a
 * {@code BigDecimal} (a final class, an enum, a record) with its own {@code equals}, called directly; any other type
 * (and a field of an {@code @EmbeddedId} or {@code @Embedded} value) through {@code EntityAccessor.sameValue}.
 */
final class ComparisonWriter {
    private ComparisonWriter() {}

    private static final String SAME = "org.athanor.orm.mapping.EntityAccessor.sameValue";
    /** The boxed class and its unboxing method, per primitive field type. */
    private static final java.util.Map<String, String[]> PRIMITIVES = java.util.Map.of(
            "boolean", new String[] {"java.lang.Boolean", "booleanValue"}, "char", new String[] {"java.lang.Character", "charValue"},
            "byte", new String[] {"java.lang.Byte", "byteValue"}, "short", new String[] {"java.lang.Short", "shortValue"},
            "int", new String[] {"java.lang.Integer", "intValue"}, "long", new String[] {"java.lang.Long", "longValue"},
            "float", new String[] {"java.lang.Float", "floatValue"}, "double", new String[] {"java.lang.Double", "doubleValue"});

    /** Appends both {@code differs} methods to the accessor being written in {@code b}. */
    static void members(EntityModel m, StringBuilder b) {
        String e = m.entityName;
        b.append("    @Override public boolean differs(").append(e).append(" e, Object[] v) {\n        Object s;\n");
        for (int i = 0; i < m.attributes.size(); i++) {
            b.append("        s = v[").append(i).append("];\n");
            check(m, m.attributes.get(i), i, b, "        ", true);
        }
        b.append("        return false;\n    }\n\n");
        b.append("    @Override public boolean differs(").append(e).append(" e, int i, Object s) {\n        switch (i) {\n");
        for (int i = 0; i < m.attributes.size(); i++) {
            b.append("            case ").append(i).append(": {\n");
            check(m, m.attributes.get(i), i, b, "                ", false);
            b.append("                return false;\n            }\n");
        }
        b.append("            default: throw new IndexOutOfBoundsException(\"").append(e).append(" has \" + NAMES.size() + \" attributes, not \" + i);\n");
        b.append("        }\n    }\n\n");
    }

    /**
     * The statements returning true when attribute {@code i} of {@code e} differs from {@code s}; {@code scoped}: in a
     * block of their own (a local of theirs would clash with the next attribute's).
     */
    private static void check(EntityModel m, AttributeModel a, int i, StringBuilder b, String indent, boolean scoped) {
        b.append(indent);
        if (a.holder() != null) {   // read through its holder, null when the holder is
            b.append("if (!").append(SAME).append("(get(e, ").append(i).append("), s)) return true;\n");
            return;
        }
        String read = SourceWriter.read("e", a.access(), a.typeName());
        String[] boxed = PRIMITIVES.get(a.typeName());
        if (boxed != null) {
            String held = "((" + boxed[0] + ") s)." + boxed[1] + "()";
            // Float.equals and Double.equals compare the bits (NaN is NaN, 0.0 is not -0.0)
            String same = a.typeName().equals("float") ? "Float.floatToIntBits(" + held + ") == Float.floatToIntBits(" + read + ")"
                    : a.typeName().equals("double") ? "Double.doubleToLongBits(" + held + ") == Double.doubleToLongBits(" + read + ")"
                    : held + " == " + read;
            b.append("if (!(s instanceof ").append(boxed[0]).append(" && ").append(same).append(")) return true;\n");
        } else if (a.typeName().equals("byte[]")) {
            local(b, "byte[]", read, "x != s && (x == null || !(s instanceof byte[]) || !java.util.Arrays.equals(x, (byte[]) s))", scoped);
        } else if (ownEquals(m, a.typeName())) {
            local(b, a.typeName(), read, "x != s && (x == null || s == null || !x.equals(s))", scoped);
        } else {
            b.append("if (!").append(SAME).append("(").append(read).append(", s)) return true;\n");
        }
    }

    /** {@code type x = read; if (differs) return true;}, in braces when {@code scoped}. */
    private static void local(StringBuilder b, String type, String read, String differs, boolean scoped) {
        b.append(scoped ? "{ " : "").append(type).append(" x = ").append(read).append("; if (").append(differs).append(") return true;")
                .append(scoped ? " }\n" : "\n");
    }

    /** Whether no value of the type can be a byte array or a BigDecimal: a final class, an enum or a record. */
    private static boolean ownEquals(EntityModel m, String typeName) {
        TypeElement t = m.elements.getTypeElement(typeName);
        if (t == null) return false;
        Set<Modifier> mods = t.getModifiers();
        return t.getKind() == ElementKind.ENUM || t.getKind() == ElementKind.RECORD
                || t.getKind() == ElementKind.CLASS && mods.contains(Modifier.FINAL);
    }
}
