package org.athanor.core.schema;

import java.util.List;

/** A (possibly unique, possibly multi-column) index. */
public record Index(String name, Table table, List<Column<?>> columns, boolean unique) {
    public Index { columns = List.copyOf(columns); }
}
