package org.athanor.postgres;

import java.util.List;
import org.athanor.core.type.SqlType;

/**
 * PostgreSQL-only column types.
 *
 * <pre>{@code
 * public final Column<List<String>> TAGS = column("tags", PostgresTypes.arrayOf(SqlTypes.TEXT));
 * c.execute(insert(POSTS).set(POSTS.TAGS, List.of("sql", "java")));
 * }</pre>
 */
public final class PostgresTypes {
    private PostgresTypes() {}

    /**
     * A one-dimensional array ({@code TEXT[]}, {@code BIGINT[]}, ...) read and bound as a {@link List}, which
     * may hold nulls. Elements may be SMALLINT, INTEGER, BIGINT, BOOLEAN, TEXT, VARCHAR, REAL, DOUBLE,
     * NUMERIC or UUID.
     */
    public static <E> SqlType<List<E>> arrayOf(SqlType<E> element) {
        String name = switch (element.kind()) {
            case SMALLINT -> "int2";
            case INTEGER -> "int4";
            case BIGINT -> "int8";
            case BOOLEAN -> "bool";
            case TEXT -> "text";
            case VARCHAR -> "varchar";
            case REAL -> "float4";
            case DOUBLE -> "float8";
            case NUMERIC -> "numeric";
            case UUID -> "uuid";
            default -> throw new IllegalArgumentException("arrays of " + element + " are not supported; element types are "
                    + "SMALLINT, INTEGER, BIGINT, BOOLEAN, TEXT, VARCHAR, REAL, DOUBLE, NUMERIC and UUID");
        };
        if (element instanceof org.athanor.core.type.ConvertedType<?, ?>)
            throw new IllegalArgumentException("arrays of converted types are not supported: " + element);
        return new ArrayType<>(element, name);
    }
}
