package org.athanor.core.inspect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ColumnOption;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;

/** Builds untyped Tables from what an {@link Inspector} reads ({@link Inspector#reflect}, {@link MetaData#reflect}). */
final class Reflection {
    private Reflection() {}

    static MetaData reflect(Inspector insp, String schema, List<String> only) {
        MetaData md = new MetaData();
        List<String> names = only != null ? only : insp.tableNames(schema);
        for (String name : names) {
            Table t = Table.create(schema, name);
            PrimaryKeyInfo pk = insp.primaryKey(schema, name);
            for (ColumnInfo ci : insp.columns(schema, name)) {
                List<ColumnOption> opts = new ArrayList<>();
                boolean inPk = pk.columns().contains(ci.name());
                // SQLite lets a non-INTEGER primary key hold NULL; the model says key columns are never null
                opts.add(new ColumnOption.Nullable(!inPk && ci.nullable()));
                if (ci.autoincrement() && ci.type().kind().isNumeric()) opts.add(new ColumnOption.Autoincrement());
                if (ci.defaultValue() != null && !ci.autoincrement()) opts.add(new ColumnOption.ServerDefault(ci.defaultValue()));
                if (ci.computed() != null) opts.add(new ColumnOption.Computed(ci.computed(), ci.computedStored()));
                Table.addColumn(t, ci.name(), ci.type(), opts.toArray(ColumnOption[]::new));
            }
            if (!pk.columns().isEmpty()) Table.addPrimaryKey(t, columns(t, pk.columns()));
            md.add(t);
        }
        for (String name : names) {
            Table t = md.table(name);
            for (ForeignKeyInfo fk : insp.foreignKeys(schema, name)) {
                List<Column<?>> local = columns(t, fk.columns());
                String ref = fk.referredTable();
                Table.addForeignKey(t, local, () -> {
                    if (!md.contains(ref))
                        throw new IllegalStateException("foreign key " + fk + " of " + name + " refers to table " + ref
                                + ", which was not reflected (another schema?)");
                    return columns(md.table(ref), fk.referredColumns());
                }, fk.onDelete(), fk.onUpdate(), fk.name());
            }
            Set<List<String>> uniqueCols = new HashSet<>();
            for (UniqueConstraintInfo u : insp.uniqueConstraints(schema, name)) {
                Table.addUnique(t, u.name(), columns(t, u.columns()));
                uniqueCols.add(u.columns());
            }
            for (IndexInfo i : insp.indexes(schema, name))
                if (!(i.unique() && uniqueCols.contains(i.columns()))) Table.addIndex(t, i.name(), columns(t, i.columns()), i.unique());
        }
        return md;
    }

    private static List<Column<?>> columns(Table t, List<String> names) {
        List<Column<?>> out = new ArrayList<>(names.size());
        for (String n : names) out.add(t.column(n));
        return out;
    }
}
