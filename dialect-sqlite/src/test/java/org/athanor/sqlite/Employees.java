package org.athanor.sqlite;

import static org.athanor.core.type.SqlTypes.*;

import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/** A self-referencing table for self-join tests: employees(id, name, manager_id → employees.id). */
final class Employees extends Table {
    static final Employees EMPLOYEES = new Employees();
    final Column<Long> ID = column("id", BIGINT, primaryKey());
    final Column<String> NAME = column("name", TEXT, notNull());
    final Column<Long> MANAGER_ID = column("manager_id", BIGINT, references(() -> EMPLOYEES.ID));

    private Employees() { super("employees"); }

    private Employees(String alias) { super(EMPLOYEES, alias); }

    @Override public Employees as(String alias) { return new Employees(alias); }
}
