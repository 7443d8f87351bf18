package org.athanor.core.inspect;

import java.util.List;

/** An index (the primary key's own index excluded): name, columns in order, uniqueness. */
public record IndexInfo(String name, List<String> columns, boolean unique) {
    public IndexInfo { columns = List.copyOf(columns); }
}
