package org.athanor.postgres;

import java.util.Objects;
import org.athanor.core.sql.KeyBuilder;
import org.athanor.core.sql.RenderContext;
import org.athanor.core.sql.SqlNode;
import org.athanor.core.schema.Sequence;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Extension;
import org.athanor.core.sql.Sql;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * PostgreSQL sequences: the {@code nextval}/{@code currval} expressions and their CREATE/DROP statements.
 * To have {@code MetaData.createAll} create a sequence, declare it as a Core
 * {@link org.athanor.core.schema.Sequence} and add it to the MetaData; the statements here render the
 * same SQL for scripts that run DDL by hand.
 *
 * <pre>{@code
 * Sequence orderNo = Sequence.of("order_no").startWith(1000);
 * MetaData.of(ORDERS).add(orderNo).createAll(engine);          // CREATE SEQUENCE IF NOT EXISTS order_no ...
 * c.execute(insert(ORDERS).set(ORDERS.NO, Sequences.nextval(orderNo)).set(ORDERS.ITEM, "book"));
 * long no = c.execute(select(Sequences.nextval("order_no"))).scalar();
 * }</pre>
 *
 * Names are quoted as identifiers (inside the string that nextval takes), so a mixed-case or reserved
 * sequence name means exactly that sequence.
 */
public final class Sequences {
    private Sequences() {}

    /** {@code nextval('name')}: advances the sequence and returns its new value. */
    public static Expression<Long> nextval(String name) { return Sql.nextValue(Sequence.of(requireName(name))); }

    /** {@code nextval('schema.name')}. */
    public static Expression<Long> nextval(String schema, String name) {
        return Sql.nextValue(Sequence.of(requireName(schema), requireName(name)));
    }

    /** {@code nextval('[schema.]name')} of a declared sequence. */
    public static Expression<Long> nextval(Sequence sequence) { return Sql.nextValue(sequence); }

    /** {@code currval('name')}: the value nextval last returned in this session (an error before the first nextval). */
    public static Expression<Long> currval(String name) { return new SequenceCall("currval", null, requireName(name)); }

    /** {@code CREATE SEQUENCE name}. */
    public static String createSequence(String name) { return createSequence(name, 1, 1, false); }

    /** {@code CREATE SEQUENCE [IF NOT EXISTS] name START WITH start INCREMENT BY increment}. */
    public static String createSequence(String name, long start, long increment, boolean ifNotExists) {
        Sequence s = Sequence.of(requireName(name)).incrementBy(increment).startWith(start);
        return PostgresDialect.INSTANCE.ddl().createSequence(s, ifNotExists);
    }

    /** {@code DROP SEQUENCE [IF EXISTS] name}. */
    public static String dropSequence(String name, boolean ifExists) {
        return PostgresDialect.INSTANCE.ddl().dropSequence(Sequence.of(requireName(name)), ifExists);
    }

    /** {@code fn('"schema"."name"')}: the name is a regclass literal, so it is quoted inside the string. */
    static void renderCall(RenderContext c, String function, String schema, String name) {
        String qualified = (schema == null ? "" : c.quoteIdentifier(schema) + ".") + c.quoteIdentifier(name);
        c.append(function).append('(').append(c.renderLiteral(qualified, SqlTypes.TEXT)).append(')');
    }

    private static String requireName(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a sequence name must be a non-empty string");
        return name;
    }

    /** {@code fn('"schema"."name"')}; the name is a regclass literal, so it is quoted inside the string. */
    record SequenceCall(String function, String schema, String name) implements Expression<Long>, Extension {
        SequenceCall {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(name, "name");
        }

        @Override public SqlType<Long> type() { return SqlTypes.BIGINT; }

        @Override
        public void render(RenderContext c) { renderCall(c, function, schema, name); }

        @Override public void key(KeyBuilder k) { k.add(SequenceCall.class); k.add(function); k.add(schema); k.add(name); }

        @Override public String constructName() { return function; }

        @Override public java.util.List<? extends SqlNode> fromExpressions() { return java.util.List.of(); }
    }
}
