package org.athanor.core.schema;

import java.util.function.Supplier;

/**
 * Options of a column, read like SQLAlchemy's {@code Column(...)} keywords. Create them through the
 * static factories on {@link Table} ({@code primaryKey()}, {@code notNull()}, {@code references(...)}).
 */
public sealed interface ColumnOption {
    record PrimaryKey() implements ColumnOption {}
    record Autoincrement() implements ColumnOption {}
    record Nullable(boolean nullable) implements ColumnOption {}
    record Unique() implements ColumnOption {}
    record Indexed() implements ColumnOption {}
    /** A client-side default, applied by INSERT when the column is not given. */
    record Default(Object value, Supplier<?> supplier) implements ColumnOption {}
    /** A server-side default: SQL text placed in DDL as {@code DEFAULT <sql>}. */
    record ServerDefault(String sql) implements ColumnOption {}
    record Check(String sql) implements ColumnOption {}
    /**
     * A computed (generated) column: {@code GENERATED ALWAYS AS (sql) STORED | VIRTUAL}. {@code stored}
     * null leaves the choice to the database (PostgreSQL: STORED, the only kind before 18; SQLite and
     * MySQL/MariaDB: VIRTUAL), as SQLAlchemy's {@code Computed(persisted=None)}.
     */
    record Computed(String sql, Boolean stored) implements ColumnOption {
        public Computed {
            if (sql == null || sql.isBlank()) throw new IllegalArgumentException("a computed column needs its SQL expression");
        }
    }
    record Comment(String text) implements ColumnOption {}
    /**
     * The column's SQL type in CREATE TABLE, written as given (JPA's {@code @Column(columnDefinition)}):
     * it replaces the type the dialect would derive from the column's {@link org.athanor.core.type.SqlType},
     * which still binds and reads the values. NOT NULL, DEFAULT, CHECK and the like are added as usual.
     */
    record DdlType(String sql) implements ColumnOption {
        public DdlType {
            if (sql == null || sql.isBlank()) throw new IllegalArgumentException("a DDL type override needs its SQL text");
        }
    }

    /** A foreign key to one column, resolved lazily so that self-references work. */
    record References(Supplier<Column<?>> target, ReferentialAction onDelete, ReferentialAction onUpdate, String name)
            implements ColumnOption {
        public References onDelete(ReferentialAction action) { return new References(target, action, onUpdate, name); }
        public References onUpdate(ReferentialAction action) { return new References(target, onDelete, action, name); }
        public References named(String constraintName) { return new References(target, onDelete, onUpdate, constraintName); }
    }
}
