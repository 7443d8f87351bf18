package org.athanor.core.inspect;

import java.util.List;

/** A UNIQUE constraint: name (null where the database names none) and columns in order. */
public record UniqueConstraintInfo(String name, List<String> columns) {
    public UniqueConstraintInfo { columns = List.copyOf(columns); }
}
