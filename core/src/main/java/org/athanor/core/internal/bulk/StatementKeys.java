package org.athanor.core.internal.bulk;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Param;
import org.athanor.core.sql.Sql;
import org.athanor.core.type.ValueCodec;

/**
 * The generated keys of one INSERT statement built from nodes ({@code Connection.insertReturningKeys}):
 * RETURNING where the database has it, else JDBC generated keys (row by row where the driver reports
 * one key for a multi-row INSERT).
 */
public final class StatementKeys {
    private StatementKeys() {}

    /** The values of {@code key} for each row {@code insert} inserted, in row order. */
    public static <K> List<K> insertReturningKeys(Executor x, Insert insert, Column<K> key) {
        java.util.Objects.requireNonNull(insert, "insert");
        java.util.Objects.requireNonNull(key, "key");
        if (x.dialect().features().supportsReturning()) {
            List<K> out = new ArrayList<>();
            for (Object[] row : x.returning(insert.returning(key))) out.add(key.type().cast(row[0]));
            return out;
        }
        return generated(x, insert, key);
    }

    /** Through JDBC generated keys. */
    static <K> List<K> generated(Executor x, Insert insert, Column<K> key) {
        DialectFeatures f = x.dialect().features();
        if (!f.multiRowGeneratedKeys() && insert.select() == null && insert.rows().size() > 1) {
            // the driver reports one key for a multi-row INSERT (SQLite: the last rowid): insert row by row
            List<K> out = new ArrayList<>(insert.rows().size());
            Column<?>[] cols = insert.columns().toArray(Column<?>[]::new);
            for (List<Expression<?>> row : insert.rows()) {
                Insert single = Sql.insert(insert.table()).columns(cols).values(row.toArray());
                if (insert.onConflictClause() != null) single = single.withOnConflict(insert.onConflictClause());
                out.addAll(generated(x, single, key));
            }
            return out;
        }
        Compiled p = x.compile(insert);
        CompiledTemplate t = p.template();
        ValueCodec<K> codec = x.dialect().codec(key.type());
        List<K> out = new ArrayList<>();
        x.run(t.sql(), key.name(), p.cached(), new Executor.Binding() {
            @Override
            public boolean bind(PreparedStatement ps) throws SQLException {
                for (int i = 0, n = t.slotCount(); i < n; i++) t.slotCodec(i).bind(ps, i + 1, value(p.params()[t.slot(i)], t));
                return true;
            }

            @Override
            public List<Object> shown() {
                List<Object> values = new ArrayList<>(t.slotCount());
                for (int i = 0; i < t.slotCount(); i++) values.add(p.params()[t.slot(i)].value());
                return values;
            }
        }, ps -> {
            int n = ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                while (rs.next()) out.add(codec.read(rs, 1));
            }
            return n;
        });
        return out;
    }

    private static Object value(Param<?> p, CompiledTemplate t) {
        if (p.name() != null && p.value() == null)
            throw new IllegalArgumentException("parameter :" + p.name() + " has no value: insertReturningKeys takes no named parameters; "
                    + "give the value itself (Sql.param) in: " + t.sql());
        return p.value();
    }
}
