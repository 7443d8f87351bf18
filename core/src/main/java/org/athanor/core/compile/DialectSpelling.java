package org.athanor.core.compile;

import org.athanor.core.type.SqlType;
import org.athanor.core.type.ValueCodec;

/**
 * What a compiler asks of its database's dialect: its name, its capability flags and how it spells
 * identifiers, literals and type names, and how it binds values. {@code org.athanor.core.dialect.Dialect}
 * implements it; the compiler depends on this interface, not on the dialect package, so the dialect
 * (which creates its compiler) and the compiler do not depend on each other.
 */
public interface DialectSpelling {
    /** The database's name, for messages ("SQLite", "PostgreSQL", "MySQL/MariaDB"). */
    String name();

    DialectFeatures features();

    /** {@code name} quoted where the database needs it (reserved words, mixed case, odd characters). */
    String quoteIdentifier(String name);

    /** {@code value} as an escaped SQL literal of {@code type}. */
    String renderLiteral(Object value, SqlType<?> type);

    /** The type name CAST(... AS name) takes. */
    String castTypeName(SqlType<?> type);

    /** How values of {@code type} are bound and read. */
    <T> ValueCodec<T> codec(SqlType<T> type);
}
