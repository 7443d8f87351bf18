package org.athanor.core.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Param;
import org.athanor.core.sql.Select;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.ValueCodec;

/**
 * What one {@link SqlCompiler} run records beside the SQL text: each placeholder's parameter (as an
 * index into the key walk's parameters) and codec, and the top-level result columns. Turned into the
 * {@link CompiledTemplate} once the statement is rendered.
 */
final class Placeholders {
    private final DialectSpelling dialect;
    /** Per parameter: a cursor, then its indices in key-walk order (a parameter met twice has two). */
    private final Map<Param<?>, int[]> canonical = new IdentityHashMap<>();
    private int[] slots = new int[16];
    private final List<ValueCodec<Object>> slotCodecs = new ArrayList<>();
    private final List<String> slotNames = new ArrayList<>();

    private final List<String> resultNames = new ArrayList<>();
    private final List<Expression<?>> resultExprs = new ArrayList<>();
    private final List<SqlType<?>> resultTypes = new ArrayList<>();

    Placeholders(DialectSpelling dialect, KeyCollector key) {
        this.dialect = dialect;
        for (int i = 0; i < key.paramCount(); i++) {
            // The same Param object can sit at several walk positions (an IN list padded with its last
            // value, a Param reused by the caller). Each visit must bind its own position, or a cache
            // hit from a statement with distinct values there would bind the wrong one.
            int[] e = canonical.get(key.param(i));
            if (e == null) e = new int[] {0, i};
            else { e = Arrays.copyOf(e, e.length + 1); e[e.length - 1] = i; }
            canonical.put(key.param(i), e);
        }
    }

    /**
     * The walk index the next placeholder of {@code p} binds (each visit of a parameter met several
     * times by the walk takes the next of its positions), or -1 when the walk did not meet it.
     */
    int next(Param<?> p) {
        int[] e = canonical.get(p);
        if (e == null) return -1;
        return e[1 + Math.min(e[0]++, e.length - 2)];
    }

    /** Records a placeholder bound to walk parameter {@code canonicalIndex}, of {@code p}'s type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void add(int canonicalIndex, Param<?> p) {
        int n = slotCodecs.size();
        if (n == slots.length) slots = Arrays.copyOf(slots, n * 2);
        slots[n] = canonicalIndex;
        slotCodecs.add((ValueCodec) dialect.codec(p.type()));
        slotNames.add(p.name());
    }

    /** Records a top-level result column. */
    void result(Expression<?> e) {
        resultNames.add(Select.nameOf(e));
        resultExprs.add(e);
        resultTypes.add(e.type());
    }

    /** The template of the statement rendered as {@code sql}. */
    @SuppressWarnings("unchecked")
    CompiledTemplate template(String sql) {
        int n = slotCodecs.size();
        return new CompiledTemplate(sql, Arrays.copyOf(slots, n), slotCodecs.toArray(ValueCodec[]::new),
                slotNames.toArray(String[]::new), List.copyOf(resultNames), List.copyOf(resultExprs), codecs(resultTypes),
                List.copyOf(resultTypes));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ValueCodec<Object>[] codecs(List<SqlType<?>> types) {
        ValueCodec<Object>[] out = new ValueCodec[types.size()];
        for (int i = 0; i < out.length; i++) out[i] = (ValueCodec) dialect.codec(types.get(i));
        return out;
    }
}
