package org.athanor.core.inspect;

import java.util.List;
import org.athanor.core.schema.ReferentialAction;

/** A foreign key: local columns referencing {@code referredColumns} of {@code referredTable}, in order. */
public record ForeignKeyInfo(String name, List<String> columns, String referredSchema, String referredTable,
                             List<String> referredColumns, ReferentialAction onUpdate, ReferentialAction onDelete) {
    public ForeignKeyInfo {
        columns = List.copyOf(columns);
        referredColumns = List.copyOf(referredColumns);
    }
}
