package org.athanor.core.schema;

import java.util.List;

/** {@code [CONSTRAINT name] UNIQUE (a, b)}. */
public record UniqueConstraint(String name, List<Column<?>> columns) {
    public UniqueConstraint { columns = List.copyOf(columns); }
}
