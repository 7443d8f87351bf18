package org.athanor.sqlite;

import static org.athanor.core.type.SqlTypes.*;

import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/** No foreign key to anything; has a client-side default. */
final class Tags extends Table {
    static final Tags TAGS = new Tags();
    final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
    final Column<String> LABEL = column("label", TEXT, notNull());
    final Column<String> COLOR = column("color", TEXT, defaultValue("red"));

    private Tags() { super("tags"); }
}
