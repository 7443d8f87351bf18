package org.athanor.core.inspect;

import java.util.Collection;
import java.util.List;
import org.athanor.core.schema.MetaData;

/**
 * Reads tables, columns, keys and indexes back from a live database (SQLAlchemy's Inspector). The
 * Engine's and Connection's {@code inspect()} give one reading through JDBC's DatabaseMetaData.
 *
 * <pre>{@code
 * Inspector insp = engine.inspect();
 * for (String t : insp.tableNames()) System.out.println(t + " " + insp.columns(t));
 * }</pre>
 *
 * Tables are looked up in the connection's current schema (PostgreSQL: the search path's first
 * schema; MySQL: the database of the URL) unless a schema is given (a null schema: the current one).
 */
public interface Inspector {
    /** Names of the tables (not views) of the current schema, sorted. */
    default List<String> tableNames() { return tableNames(null); }

    List<String> tableNames(String schema);

    /** True when the table exists in the current schema. */
    default boolean hasTable(String table) { return tableNames().contains(table); }

    default List<ColumnInfo> columns(String table) { return columns(null, table); }

    /** The table's columns in their order; an error naming the tables there are when it does not exist. */
    List<ColumnInfo> columns(String schema, String table);

    default PrimaryKeyInfo primaryKey(String table) { return primaryKey(null, table); }

    PrimaryKeyInfo primaryKey(String schema, String table);

    default List<ForeignKeyInfo> foreignKeys(String table) { return foreignKeys(null, table); }

    List<ForeignKeyInfo> foreignKeys(String schema, String table);

    /** Indexes other than the primary key's, including those backing UNIQUE constraints. */
    default List<IndexInfo> indexes(String table) { return indexes(null, table); }

    List<IndexInfo> indexes(String schema, String table);

    /** UNIQUE constraints (the dialect tells constraint-backing unique indexes from plain ones). */
    default List<UniqueConstraintInfo> uniqueConstraints(String table) { return uniqueConstraints(null, table); }

    List<UniqueConstraintInfo> uniqueConstraints(String schema, String table);

    /**
     * Untyped tables built from what this inspector reads, for every table of {@code schema} (null:
     * the current one) or only the named {@code tables} (null: all): what {@code MetaData.reflect} returns.
     */
    default MetaData reflect(String schema, Collection<String> tables) {
        return Reflection.reflect(this, schema, tables == null ? null : List.copyOf(tables));
    }
}
