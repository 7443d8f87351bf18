package org.athanor.core.engine;

import io.vavr.Tuple;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.athanor.core.sql.ResultColumns;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.RowKind;
import org.athanor.core.type.ValueCodec;

/** The built-in readers: Vavr tuples and {@link Row}s. */
final class RowReaders {
    private RowReaders() {}

    static final RowReader<Object> TUPLE = RowReaders::tuple;
    static final RowReader<Object> ROW = RowReaders::row;

    @SuppressWarnings("unchecked")
    static <R> RowReader<R> of(RowKind kind) { return (RowReader<R>) (kind == RowKind.TUPLE ? TUPLE : ROW); }

    static Object tuple(ResultSet rs, ResultColumns t) throws SQLException {
        ValueCodec<Object>[] c = t.resultCodecs();
        return switch (c.length) {
            case 1 -> Tuple.of(c[0].read(rs, 1));
            case 2 -> Tuple.of(c[0].read(rs, 1), c[1].read(rs, 2));
            case 3 -> Tuple.of(c[0].read(rs, 1), c[1].read(rs, 2), c[2].read(rs, 3));
            case 4 -> Tuple.of(c[0].read(rs, 1), c[1].read(rs, 2), c[2].read(rs, 3), c[3].read(rs, 4));
            case 5 -> Tuple.of(c[0].read(rs, 1), c[1].read(rs, 2), c[2].read(rs, 3), c[3].read(rs, 4), c[4].read(rs, 5));
            case 6 -> Tuple.of(c[0].read(rs, 1), c[1].read(rs, 2), c[2].read(rs, 3), c[3].read(rs, 4), c[4].read(rs, 5),
                    c[5].read(rs, 6));
            case 7 -> Tuple.of(c[0].read(rs, 1), c[1].read(rs, 2), c[2].read(rs, 3), c[3].read(rs, 4), c[4].read(rs, 5),
                    c[5].read(rs, 6), c[6].read(rs, 7));
            case 8 -> Tuple.of(c[0].read(rs, 1), c[1].read(rs, 2), c[2].read(rs, 3), c[3].read(rs, 4), c[4].read(rs, 5),
                    c[5].read(rs, 6), c[6].read(rs, 7), c[7].read(rs, 8));
            default -> throw new IllegalStateException("a tuple row needs 1 to 8 columns, this query has " + c.length);
        };
    }

    static Row row(ResultSet rs, ResultColumns t) throws SQLException {
        ValueCodec<Object>[] c = t.resultCodecs();
        if (c.length == 0) return untyped(rs);
        Object[] v = new Object[c.length];
        for (int i = 0; i < v.length; i++) v[i] = c[i].read(rs, i + 1);
        return new Row(t.layout(), v);
    }

    /** A row of a text() query, whose columns only the driver knows: named by their labels, read as the driver gives them. */
    static Row untyped(ResultSet rs) throws SQLException {
        java.sql.ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        java.util.List<String> names = new java.util.ArrayList<>(n);
        Object[] v = new Object[n];
        for (int i = 0; i < n; i++) {
            names.add(md.getColumnLabel(i + 1));
            v[i] = rs.getObject(i + 1);
        }
        return new Row(new org.athanor.core.sql.RowLayout(names, java.util.List.of()), v);
    }
}
