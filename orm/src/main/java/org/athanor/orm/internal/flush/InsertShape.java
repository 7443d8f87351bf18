package org.athanor.orm.internal.flush;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Sql;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.mapping.Attribute;

/**
 * What the INSERT of an entity's new rows into its base table writes, without the generated id (which the database
 * assigns): the attributes, their columns, where each value sits in an object's attribute values, and the statement
 * ({@code base}, and the one with its columns named, for an error message). A pure function of the mapping, built
 * once per session factory ({@link UpdateStatements#insertShape}); a flush built the lists, arrays and statements
 * anew at every commit. Immutable: the sessions of all threads share it (the arrays are never written).
 */
record InsertShape(List<Attribute> cols, Column<?>[] columns, int[] positions, Insert base, Insert statement) {
    static InsertShape of(Mapper info) {
        List<Attribute> cols = new ArrayList<>();
        for (Attribute a : info.attrs) {
            if (!a.insertable() || a.column().table() != info.table) continue; // JOINED: subclass tables follow
            if (a == info.generatedId) continue;
            cols.add(a);
        }
        Column<?>[] columns = new Column<?>[cols.size()];
        int[] positions = new int[cols.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = cols.get(i).column();
            positions[i] = cols.get(i).index();
        }
        return new InsertShape(List.copyOf(cols), columns, positions, Sql.insert(info.table), Sql.insert(info.table).columns(columns));
    }
}
