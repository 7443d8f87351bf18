package org.athanor.orm.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;

/**
 * The relationship half of {@code <Entity>_Accessor} (the runtime's {@code org.athanor.orm.mapping.RelationAccessor}):
 * {@code relationNames()}, {@code getRelation} and {@code setRelation} over the entity's relationship fields
 * ({@link EntityModel#relationFields}: references, collections, inverse one-to-ones, element collections), each read
 * and written as the plain attributes are ({@link FieldAccesses}: the field itself where generated code may touch it,
 * else a {@code static final VarHandle}, which the JIT compiles to the same field load). The session reads every
 * relationship through these once the accessor exists; before, each was a method handle held in an instance field,
 * which the JIT cannot fold.
 */
final class RelationWriter {
    private RelationWriter() {}

    /** One relationship field: its name, how it is reached, and the type a stored value is cast to. */
    private record Relation(String name, FieldAccess access, String typeName) {}

    /** The interface the accessor implements for the relationships, for its {@code implements} clause. */
    static String implementsClause(EntityModel m) { return "org.athanor.orm.mapping.RelationAccessor<" + m.entityName + ">"; }

    /** Appends the accessor's relationship members (constants, handles, the three methods) to {@code b}. */
    static void members(EntityModel m, StringBuilder b) {
        List<Relation> relations = new ArrayList<>();
        FieldAccesses accesses = new FieldAccesses(m);
        for (VariableElement f : m.relationFields)
            relations.add(new Relation(f.getSimpleName().toString(), accesses.access(f),
                    m.types.erasure(m.types.asMemberOf((DeclaredType) m.entity.asType(), f)).toString()));
        String e = m.entityName;
        b.append("\n    private static final java.util.List<String> RELATIONS = java.util.List.of(");
        for (int i = 0; i < relations.size(); i++) b.append(i > 0 ? ", " : "").append('"').append(relations.get(i).name()).append('"');
        b.append(");\n");
        handles(relations, b);
        b.append("\n    @Override public java.util.List<String> relationNames() { return RELATIONS; }\n\n");
        b.append("    @Override public Object getRelation(").append(e).append(" e, int r) {\n        switch (r) {\n");
        for (int i = 0; i < relations.size(); i++) {
            Relation r = relations.get(i);
            b.append("            case ").append(i).append(": return ").append(read(r)).append(";\n");
        }
        b.append("            default: throw ").append(outOfRange(e)).append(";\n        }\n    }\n\n");
        // the collections' fields are generic (List<Post>): the value is stored through the raw type
        b.append("    @SuppressWarnings({\"unchecked\", \"rawtypes\"})\n");
        b.append("    @Override public void setRelation(").append(e).append(" e, int r, Object v) {\n        switch (r) {\n");
        for (int i = 0; i < relations.size(); i++) {
            Relation r = relations.get(i);
            b.append("            case ").append(i).append(": ").append(write(r)).append(" return;\n");
        }
        b.append("            default: throw ").append(outOfRange(e)).append(";\n        }\n    }\n");
    }

    private static String outOfRange(String entity) {
        return "new IndexOutOfBoundsException(\"" + entity + " has \" + RELATIONS.size() + \" relationships, not \" + r)";
    }

    /** {@code static final} VarHandles for the relationship fields generated code cannot touch, resolved once. */
    private static void handles(List<Relation> relations, StringBuilder b) {
        List<FieldAccess.Handle> hs = new ArrayList<>();
        for (Relation r : relations) if (r.access() instanceof FieldAccess.Handle h) hs.add(h);
        if (hs.isEmpty()) return;
        for (FieldAccess.Handle h : hs) b.append("    private static final java.lang.invoke.VarHandle ").append(h.handleName()).append(";\n");
        b.append("    static {\n        try {\n");
        for (FieldAccess.Handle h : hs)
            b.append("            ").append(h.handleName()).append(" = java.lang.invoke.MethodHandles.privateLookupIn(")
                    .append(h.declaringClass()).append(".class, java.lang.invoke.MethodHandles.lookup()).findVarHandle(")
                    .append(h.declaringClass()).append(".class, \"").append(h.field()).append("\", ").append(h.typeName()).append(".class);\n");
        b.append("        } catch (ReflectiveOperationException x) {\n            throw new ExceptionInInitializerError(x);\n        }\n    }\n");
    }

    private static String read(Relation r) {
        if (r.access() instanceof FieldAccess.Direct d) return "e." + d.field();
        if (r.access() instanceof FieldAccess.Accessors a) return "e." + a.getter() + "()";
        FieldAccess.Handle h = (FieldAccess.Handle) r.access();
        // cast to the field's own type: the call matches the VarHandle's type exactly
        return "(" + h.typeName() + ") " + h.handleName() + ".get(e)";
    }

    /** Stores {@code v}, cast to the field's type as the entity sees it (a VarHandle: to its own type). */
    private static String write(Relation r) {
        if (r.access() instanceof FieldAccess.Direct d) return "e." + d.field() + " = (" + r.typeName() + ") v;";
        if (r.access() instanceof FieldAccess.Accessors a) return "e." + a.setter() + "((" + r.typeName() + ") v);";
        FieldAccess.Handle h = (FieldAccess.Handle) r.access();
        // a type variable's field (T owner in a generic mapped superclass) is an Object: no (redundant) cast
        return h.handleName() + ".set(e, " + (h.typeName().equals("java.lang.Object") ? "v" : "(" + h.typeName() + ") v") + ");";
    }
}
