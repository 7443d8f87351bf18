package org.athanor.postgres;

import java.util.Objects;
import org.athanor.core.compile.KeyBuilder;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Extension;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * PostgreSQL sequences: the {@code nextval}/{@code currval} expressions and their CREATE/DROP statements.
 *
 * <pre>{@code
 * c.executeSql(Sequences.createSequence("order_no", 1000, 1, true));
 * c.execute(insert(ORDERS).set(ORDERS.NO, Sequences.nextval("order_no")).set(ORDERS.ITEM, "book"));
 * long no = c.execute(select(Sequences.nextval("order_no"))).scalar();
 * }</pre>
 *
 * Names are quoted as identifiers (inside the string that nextval takes), so a mixed-case or reserved
 * sequence name means exactly that sequence.
 */
public final class Sequences {
    private Sequences() {}

    /** {@code nextval('name')}: advances the sequence and returns its new value. */
    public static Expression<Long> nextval(String name) { return new SequenceCall("nextval", null, requireName(name)); }

    /** {@code nextval('schema.name')}. */
    public static Expression<Long> nextval(String schema, String name) {
        return new SequenceCall("nextval", requireName(schema), requireName(name));
    }

    /** {@code currval('name')}: the value nextval last returned in this session (an error before the first nextval). */
    public static Expression<Long> currval(String name) { return new SequenceCall("currval", null, requireName(name)); }

    /** {@code CREATE SEQUENCE name}. */
    public static String createSequence(String name) { return createSequence(name, 1, 1, false); }

    /** {@code CREATE SEQUENCE [IF NOT EXISTS] name START WITH start INCREMENT BY increment}. */
    public static String createSequence(String name, long start, long increment, boolean ifNotExists) {
        if (increment == 0) throw new IllegalArgumentException("sequence " + name + ": increment cannot be 0");
        return "CREATE SEQUENCE " + (ifNotExists ? "IF NOT EXISTS " : "") + quote(requireName(name))
                + " START WITH " + start + " INCREMENT BY " + increment;
    }

    /** {@code DROP SEQUENCE [IF EXISTS] name}. */
    public static String dropSequence(String name, boolean ifExists) {
        return "DROP SEQUENCE " + (ifExists ? "IF EXISTS " : "") + quote(requireName(name));
    }

    private static String quote(String name) { return PostgresDialect.INSTANCE.quoteIdentifier(name); }

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
        public void render(SqlCompiler c) {
            String qualified = (schema == null ? "" : c.dialect().quoteIdentifier(schema) + ".") + c.dialect().quoteIdentifier(name);
            c.append(function).append('(').append(c.dialect().renderLiteral(qualified, SqlTypes.TEXT)).append(')');
        }

        @Override public void accept(SqlCompiler c) { c.visitExtension(this); }

        @Override public void key(KeyBuilder k) { k.add(SequenceCall.class); k.add(function); k.add(schema); k.add(name); }

        @Override public String constructName() { return function; }
    }
}
