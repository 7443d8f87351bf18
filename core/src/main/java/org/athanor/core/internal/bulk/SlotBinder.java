package org.athanor.core.internal.bulk;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Function;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.sql.Param;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.ValueCodec;

/**
 * Binds a compiled template's placeholders straight from arrays of values, with no statement nodes
 * built per execution: what {@code executeMany} (one parameter set per batch entry) and
 * {@code insertMany} (many rows per multi-row VALUES statement) share. Worked out once per template:
 * each slot either takes a fixed value from the statement itself, or reads field {@code field} of
 * row {@code row} among the rows bound into one execution.
 */
public final class SlotBinder {
    /** Where one placeholder's value comes from: {@code row} within an execution, {@code field} within the row. */
    public record Source(int row, int field) {}

    private final CompiledTemplate template;
    private final int[] rows;
    private final int[] fields;
    private final Object[] fixed;
    /** Per slot, the type a value is cast to while binding, or null where the caller already cast it. */
    private final SqlType<?>[] casts;
    /** Per column, the codec, when the slots go row after row, each row's columns in order, all from the rows (see {@link #rowCodecs()}). */
    private final ValueCodec<Object>[] rowCodecs;

    /**
     * {@code source} maps a parameter of the statement to where its values come from, or null when
     * the parameter is a fixed value of the statement; {@code castWhileBinding} makes each value go
     * through its parameter's {@link SqlType#cast} (executeMany's raw maps).
     */
    public SlotBinder(CompiledTemplate template, Param<?>[] params, Function<Param<?>, Source> source, boolean castWhileBinding) {
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
        rowCodecs = rowCodecsOf(n);
    }

    /**
     * The codec of each column when this binder's slots go row by row, each row's columns in the
     * same order and each read from the same field of its row, with nothing fixed or cast (a
     * multi-row INSERT template, see {@link InsertPlan#bindRows}); else null.
     */
    ValueCodec<Object>[] rowCodecs() { return rowCodecs; }

    /** Whether the slots of the first row read, column by column, exactly {@code rowFields} of its row. */
    boolean readsFields(int[] rowFields) {
        if (rowCodecs == null || rowFields.length != rowCodecs.length) return false;
        for (int f = 0; f < rowFields.length; f++) if (fields[f] != rowFields[f]) return false;
        return true;
    }

    /** {@link #rowCodecs()} for this binder's layout, or null when it is not that regular. */
    @SuppressWarnings("unchecked")
    private ValueCodec<Object>[] rowCodecsOf(int n) {
        int width = 0;
        while (width < n && rows[width] == 0) width++;
        if (width == 0 || n % width != 0) return null;
        for (int i = 0; i < n; i++)
            if (rows[i] != i / width || fields[i] != fields[i % width] || casts[i] != null || template.slotCodec(i) != template.slotCodec(i % width))
                return null;
        ValueCodec<Object>[] out = new ValueCodec[width];
        for (int f = 0; f < width; f++) out[f] = template.slotCodec(f);
        return out;
    }

    public CompiledTemplate template() { return template; }

    /** Binds every slot, reading the rows {@code values[first]}, {@code values[first + 1]}, ... */
    public void bind(PreparedStatement ps, Object[][] values, int first) throws SQLException {
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
    public java.util.List<Object> values(Object[][] values, int first) {
        java.util.List<Object> out = new java.util.ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) out.add(rows[i] < 0 ? fixed[i] : values[first + rows[i]][fields[i]]);
        return out;
    }
}
