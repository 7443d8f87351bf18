package org.athanor.core.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Function;
import org.athanor.core.compile.CompiledTemplate;
import org.athanor.core.sql.Param;
import org.athanor.core.type.SqlType;

/**
 * Binds a compiled template's placeholders straight from arrays of values, with no statement nodes
 * built per execution: what {@code executeMany} (one parameter set per batch entry) and
 * {@code insertMany} (many rows per multi-row VALUES statement) share. Worked out once per template:
 * each slot either takes a fixed value from the statement itself, or reads field {@code field} of
 * row {@code row} among the rows bound into one execution.
 */
final class SlotBinder {
    /** Where one placeholder's value comes from: {@code row} within an execution, {@code field} within the row. */
    record Source(int row, int field) {}

    private final CompiledTemplate template;
    private final int[] rows;
    private final int[] fields;
    private final Object[] fixed;
    /** Per slot, the type a value is cast to while binding, or null where the caller already cast it. */
    private final SqlType<?>[] casts;

    /**
     * {@code source} maps a parameter of the statement to where its values come from, or null when
     * the parameter is a fixed value of the statement; {@code castWhileBinding} makes each value go
     * through its parameter's {@link SqlType#cast} (executeMany's raw maps).
     */
    SlotBinder(CompiledTemplate template, Param<?>[] params, Function<Param<?>, Source> source, boolean castWhileBinding) {
        this.template = template;
        int n = template.slotCount();
        rows = new int[n];
        fields = new int[n];
        fixed = new Object[n];
        casts = new SqlType<?>[n];
        for (int i = 0; i < n; i++) {
            Param<?> p = params[template.slot(i)];
            Source s = source.apply(p);
            if (s == null) {
                rows[i] = -1;
                fixed[i] = p.value();
            } else {
                rows[i] = s.row();
                fields[i] = s.field();
                if (castWhileBinding) casts[i] = p.type();
            }
        }
    }

    CompiledTemplate template() { return template; }

    /** Binds every slot, reading the rows {@code values[first]}, {@code values[first + 1]}, ... */
    void bind(PreparedStatement ps, Object[][] values, int first) throws SQLException {
        for (int i = 0, n = rows.length; i < n; i++) {
            Object v;
            if (rows[i] < 0) v = fixed[i];
            else {
                v = values[first + rows[i]][fields[i]];
                if (casts[i] != null) v = casts[i].cast(v);
            }
            template.slotCodec(i).bind(ps, i + 1, v);
        }
    }

    /** The values one execution binds, in slot order (for echo logging). */
    java.util.List<Object> values(Object[][] values, int first) {
        java.util.List<Object> out = new java.util.ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) out.add(rows[i] < 0 ? fixed[i] : values[first + rows[i]][fields[i]]);
        return out;
    }
}
