package org.athanor.core.internal.compile;

import java.util.List;
import org.athanor.core.sql.StatementTemplate;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.RowLayout;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.ValueCodec;

/**
 * The shareable result of compiling one statement shape: SQL text, and for each {@code ?} the
 * index of the canonical parameter it binds (see {@link KeyCollector}) and its codec. Immutable;
 * this is what the Engine's statement cache holds.
 */
public final class CompiledTemplate implements StatementTemplate {
    private final String sql;
    private final int[] slots;
    private final ValueCodec<Object>[] slotCodecs;
    private final String[] slotNames;
    private final List<String> resultNames;
    private final List<Expression<?>> resultExpressions;
    private final ValueCodec<Object>[] resultCodecs;
    private final List<SqlType<?>> resultTypes;
    private volatile RowLayout layout;
    /** What the compiler found suspicious in the statement (a cartesian product: FromLinter), shown once when compiled. */
    private List<String> warnings = List.of();

    public CompiledTemplate(String sql, int[] slots, ValueCodec<Object>[] slotCodecs, String[] slotNames,
                     List<String> resultNames, List<Expression<?>> resultExpressions,
                     ValueCodec<Object>[] resultCodecs, List<SqlType<?>> resultTypes) {
        this.sql = sql;
        this.slots = slots;
        this.slotCodecs = slotCodecs;
        this.slotNames = slotNames;
        this.resultNames = resultNames;
        this.resultExpressions = resultExpressions;
        this.resultCodecs = resultCodecs;
        this.resultTypes = resultTypes;
    }

    /**
     * {@code t} as the template core compiled it: every {@link StatementTemplate} is one (the public
     * signatures of the compiler and the dialect name the exported interface; the engine needs the rest).
     */
    public static CompiledTemplate of(StatementTemplate t) {
        if (t instanceof CompiledTemplate c) return c;
        throw new IllegalArgumentException("not a template compiled by Athanor's SqlCompiler: "
                + (t == null ? "null" : t.getClass().getName()) + "; expected what SqlCompiler.compile or Dialect.compileTemplate returned");
    }

    @Override public String sql() { return sql; }
    /** Number of {@code ?} placeholders. */
    @Override public int slotCount() { return slots.length; }
    /** The canonical parameter index bound at placeholder {@code i} (0-based). */
    @Override public int slot(int i) { return slots[i]; }
    public ValueCodec<Object> slotCodec(int i) { return slotCodecs[i]; }
    /** The name of a named parameter at placeholder {@code i}, or null. */
    public String slotName(int i) { return slotNames[i]; }
    @Override public List<String> resultNames() { return resultNames; }
    public List<Expression<?>> resultExpressions() { return resultExpressions; }
    @Override public List<SqlType<?>> resultTypes() { return resultTypes; }
    @Override public ValueCodec<Object>[] resultCodecs() { return resultCodecs; }
    public int resultCount() { return resultCodecs.length; }

    /**
     * For statements whose result columns are unknown until run ({@code text(...)}): a copy whose
     * result columns are those the driver reports, read as the driver gives them.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public CompiledTemplate describedBy(java.sql.ResultSetMetaData md) throws java.sql.SQLException {
        int n = md.getColumnCount();
        List<String> names = new java.util.ArrayList<>(n);
        List<SqlType<?>> types = new java.util.ArrayList<>(n);
        ValueCodec<Object>[] codecs = new ValueCodec[n];
        for (int i = 0; i < n; i++) {
            names.add(md.getColumnLabel(i + 1));
            types.add(org.athanor.core.type.SqlTypes.ANY);
            codecs[i] = (ValueCodec) org.athanor.core.type.SqlTypes.ANY;
        }
        return new CompiledTemplate(sql, slots, slotCodecs, slotNames, List.copyOf(names), List.of(), codecs, List.copyOf(types))
                .withWarnings(warnings);
    }

    /** The compiler's warnings about the statement (empty for almost every statement). */
    @Override public List<String> warnings() { return warnings; }

    /** This template carrying {@code w} as its warnings (set once, by the compiler, before it is shared). */
    public CompiledTemplate withWarnings(List<String> w) {
        warnings = List.copyOf(w);
        return this;
    }

    /** The shared layout of {@code Row}s read with this template. */
    @Override public RowLayout layout() {
        RowLayout l = layout;
        if (l == null) layout = l = new RowLayout(resultNames, resultExpressions);
        return l;
    }
}
