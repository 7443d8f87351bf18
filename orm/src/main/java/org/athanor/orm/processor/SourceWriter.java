package org.athanor.orm.processor;

import java.util.List;

/** Renders the metamodel {@code <Entity>_} and the accessor {@code <Entity>_Accessor} of an {@link EntityModel}. */
final class SourceWriter {
    private static final String GENERATED = "@javax.annotation.processing.Generated(\"" + EntityProcessor.class.getName() + "\")\n";
    private static final String MAPPING = "org.athanor.orm.mapping.EntityMapping";

    private SourceWriter() {}

    static String metamodel(EntityModel m) {
        String cls = m.generatedBase + "_";
        StringBuilder b = header(m);
        b.append("/** Typed Core columns of the table mapped by {@link ").append(m.entityName).append("}; generated, do not edit. */\n")
                .append(GENERATED).append("public final class ").append(cls).append(" {\n")
                .append("    /** The mapped table. */\n")
                .append("    public static final org.athanor.core.schema.Table TABLE = ").append(MAPPING).append(".of(")
                .append(m.entityName).append(".class).table();\n");
        for (AttributeModel a : m.attributes) {
            b.append("    public static final org.athanor.core.schema.Column<").append(a.boxedName()).append("> ").append(a.name())
                    .append(" = ").append(MAPPING).append(".column(").append(m.entityName).append(".class, \"").append(a.name())
                    .append("\", ").append(a.boxedName()).append(".class);\n");
        }
        return b.append("\n    private ").append(cls).append("() {}\n}\n").toString();
    }

    static String accessor(EntityModel m) {
        String cls = m.generatedBase + "_Accessor";
        String e = m.entityName;
        StringBuilder b = header(m);
        b.append("/** Instantiates {@link ").append(e).append("} and reads/writes its persistent fields without reflection; generated, do not edit. */\n")
                .append(GENERATED).append("public final class ").append(cls).append(" implements org.athanor.orm.mapping.EntityAccessor<")
                .append(e).append("> {\n");
        b.append("    private static final java.util.List<String> NAMES = java.util.List.of(");
        for (int i = 0; i < m.attributes.size(); i++) b.append(i > 0 ? ", " : "").append('"').append(m.attributes.get(i).name()).append('"');
        b.append(");\n");
        handles(m, b);
        b.append("\n    public ").append(cls).append("() {}\n\n");
        b.append("    @Override public Class<").append(e).append("> entityClass() { return ").append(e).append(".class; }\n\n");
        b.append("    @Override public java.util.List<String> attributeNames() { return NAMES; }\n\n");
        b.append("    @Override public ").append(e).append(" newInstance() {\n");
        if (m.privateConstructor) {
            b.append("        try {\n            return (").append(e).append(") CONSTRUCTOR.invokeExact();\n")
                    .append("        } catch (RuntimeException | Error x) {\n            throw x;\n")
                    .append("        } catch (Throwable x) {\n            throw new IllegalStateException(x);\n        }\n");
        } else {
            b.append("        return new ").append(e).append("();\n");
        }
        b.append("    }\n\n");
        b.append("    @Override public Object get(").append(e).append(" e, int i) {\n        switch (i) {\n");
        for (int i = 0; i < m.attributes.size(); i++) {
            AttributeModel a = m.attributes.get(i);
            b.append("            case ").append(i).append(": ");
            if (a.holder() == null) {
                b.append("return ").append(read("e", a.access(), a.typeName())).append(";\n");
            } else {
                AttributeModel.HolderModel h = a.holder();
                b.append("{\n                ").append(h.typeName()).append(" h = ").append(read("e", h.access(), h.typeName())).append(";\n")
                        .append("                return h == null ? null : ").append(read("h", a.access(), a.typeName())).append(";\n            }\n");
            }
        }
        b.append("            default: throw new IndexOutOfBoundsException(\"").append(e).append(" has \" + NAMES.size() + \" attributes, not \" + i);\n");
        b.append("        }\n    }\n\n");
        b.append("    @Override public void set(").append(e).append(" e, int i, Object v) {\n        switch (i) {\n");
        for (int i = 0; i < m.attributes.size(); i++) {
            AttributeModel a = m.attributes.get(i);
            String value = "(" + a.boxedName() + ") " + (a.primitive() ? "required(v, " + i + ")" : "v");
            b.append("            case ").append(i).append(": ");
            if (a.holder() == null) {
                b.append(write("e", a.access(), value)).append(" return;\n");
            } else {
                AttributeModel.HolderModel h = a.holder();
                b.append("{\n                ").append(h.typeName()).append(" h = ").append(read("e", h.access(), h.typeName())).append(";\n")
                        .append("                if (h == null) {\n                    h = new ").append(h.typeName()).append("();\n")
                        .append("                    ").append(write("e", h.access(), "h")).append("\n                }\n")
                        .append("                ").append(write("h", a.access(), value)).append("\n                return;\n            }\n");
            }
        }
        b.append("            default: throw new IndexOutOfBoundsException(\"").append(e).append(" has \" + NAMES.size() + \" attributes, not \" + i);\n");
        b.append("        }\n    }\n\n");
        b.append("    private static Object required(Object v, int i) {\n")
                .append("        if (v == null) throw new IllegalArgumentException(\"cannot set ").append(e)
                .append(".\" + NAMES.get(i) + \" (a primitive field) to null\");\n        return v;\n    }\n}\n");
        return b.toString();
    }

    private static StringBuilder header(EntityModel m) {
        StringBuilder b = new StringBuilder();
        if (!m.packageName.isEmpty()) b.append("package ").append(m.packageName).append(";\n\n");
        return b;
    }

    /** Static final handles for private fields without accessors and for a private constructor, resolved once. */
    private static void handles(EntityModel m, StringBuilder b) {
        List<FieldAccess.Handle> hs = new java.util.ArrayList<>();
        for (AttributeModel a : m.attributes) {
            if (a.access() instanceof FieldAccess.Handle h) hs.add(h);
            if (a.holder() != null && a.holder().access() instanceof FieldAccess.Handle h && !hs.contains(h)) hs.add(h);
        }
        if (hs.isEmpty() && !m.privateConstructor) return;
        for (FieldAccess.Handle h : hs) b.append("    private static final java.lang.invoke.VarHandle ").append(h.handleName()).append(";\n");
        if (m.privateConstructor) b.append("    private static final java.lang.invoke.MethodHandle CONSTRUCTOR;\n");
        b.append("    static {\n        try {\n");
        for (FieldAccess.Handle h : hs)
            b.append("            ").append(h.handleName()).append(" = java.lang.invoke.MethodHandles.privateLookupIn(")
                    .append(h.declaringClass()).append(".class, java.lang.invoke.MethodHandles.lookup()).findVarHandle(")
                    .append(h.declaringClass()).append(".class, \"").append(h.field()).append("\", ").append(h.typeName()).append(".class);\n");
        if (m.privateConstructor)
            b.append("            CONSTRUCTOR = java.lang.invoke.MethodHandles.privateLookupIn(").append(m.entityName)
                    .append(".class, java.lang.invoke.MethodHandles.lookup()).findConstructor(").append(m.entityName)
                    .append(".class, java.lang.invoke.MethodType.methodType(void.class)).asType(java.lang.invoke.MethodType.methodType(")
                    .append(m.entityName).append(".class));\n");
        b.append("        } catch (ReflectiveOperationException x) {\n            throw new ExceptionInInitializerError(x);\n        }\n    }\n");
    }

    private static String read(String owner, FieldAccess access, String typeName) {
        if (access instanceof FieldAccess.Direct d) return owner + "." + d.field();
        if (access instanceof FieldAccess.Accessors a) return owner + "." + a.getter() + "()";
        FieldAccess.Handle h = (FieldAccess.Handle) access;
        return "(" + typeName + ") " + h.handleName() + ".get(" + owner + ")";
    }

    private static String write(String owner, FieldAccess access, String value) {
        if (access instanceof FieldAccess.Direct d) return owner + "." + d.field() + " = " + value + ";";
        if (access instanceof FieldAccess.Accessors a) return owner + "." + a.setter() + "(" + value + ");";
        FieldAccess.Handle h = (FieldAccess.Handle) access;
        return h.handleName() + ".set(" + owner + ", " + value + ");";
    }
}
