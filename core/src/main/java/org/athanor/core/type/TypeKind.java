package org.athanor.core.type;

/**
 * The standard SQL type families. A dialect's type compiler spells each kind in DDL; codecs and
 * literal rendering dispatch on it. {@link #OTHER} is for user types whose DDL name is given.
 */
public enum TypeKind {
    SMALLINT, INTEGER, BIGINT, BOOLEAN, VARCHAR, TEXT, NUMERIC, REAL, DOUBLE,
    DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, UUID, BLOB, JSON, ENUM, NULL, OTHER;

    public boolean isNumeric() {
        return switch (this) {
            case SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE -> true;
            default -> false;
        };
    }

    public boolean isString() {
        return this == VARCHAR || this == TEXT || this == ENUM || this == JSON;
    }
}
