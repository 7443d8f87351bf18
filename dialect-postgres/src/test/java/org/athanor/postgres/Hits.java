package org.athanor.postgres;

import static org.athanor.core.type.SqlTypes.*;

import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/** A test table for upserts: hits(page PK, count, note), named per test run. */
final class Hits extends Table {
    final Column<String> PAGE = column("page", varchar(100), primaryKey());
    final Column<Long> COUNT = column("count", BIGINT, notNull());
    final Column<String> NOTE = column("note", TEXT);

    Hits(String name) { super(name); }
}
