package org.athanor.benchmarks;

import static org.athanor.core.type.SqlTypes.*;

import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/** The table of SQLAlchemy's performance suite: customer(id, name, description), under a unique name. */
final class Customer extends Table {
    final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
    final Column<String> NAME = column("name", varchar(255));
    final Column<String> DESCRIPTION = column("description", varchar(255));

    Customer(String name) { super(name); }

    /** What the hand-written JDBC code reads each row into. */
    record Row(long id, String name, String description) {}
}
