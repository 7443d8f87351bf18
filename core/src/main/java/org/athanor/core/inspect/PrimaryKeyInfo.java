package org.athanor.core.inspect;

import java.util.List;

/** A primary key: its constraint name (null where the database has none) and columns in key order. */
public record PrimaryKeyInfo(String name, List<String> columns) {
    public PrimaryKeyInfo { columns = List.copyOf(columns); }
}
