package org.athanor.core.inspect;

import org.athanor.core.type.SqlType;

/**
 * A column as the database describes it. {@code type} is the database's type mapped back to a
 * {@link SqlType} by the dialect ({@code SqlTypes.ANY} when it has no counterpart); {@code typeName}
 * is the database's own spelling. {@code defaultValue} is the server default as SQL text, or null.
 * {@code computed} is the generation expression of a computed column, as the database gives it back
 * (normalized: PostgreSQL and MySQL rewrite it), or null; {@code computedStored} whether it is stored.
 */
public record ColumnInfo(String name, SqlType<?> type, String typeName, boolean nullable, String defaultValue,
                         boolean autoincrement, String computed, boolean computedStored) {
    /** A column that is not computed. */
    public ColumnInfo(String name, SqlType<?> type, String typeName, boolean nullable, String defaultValue, boolean autoincrement) {
        this(name, type, typeName, nullable, defaultValue, autoincrement, null, false);
    }
}
