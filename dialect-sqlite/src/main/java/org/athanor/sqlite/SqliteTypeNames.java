package org.athanor.sqlite;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** Declared SQLite column types back to SqlTypes (what SqliteDialect.typeName writes, and common spellings). */
final class SqliteTypeNames {
    private SqliteTypeNames() {}

    private static final Pattern NAME = Pattern.compile("\\s*([A-Za-z ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");

    /** The driver reports length and scale apart from the name (VARCHAR + 200); 2,000,000,000 means none declared. */
    static SqlType<?> parse(String declared, int size, int digits) {
        boolean hasSize = size > 0 && size < 2_000_000_000;
        if (declared != null && hasSize && declared.indexOf('(') < 0)
            declared = declared + "(" + size + (digits > 0 ? ", " + digits : "") + ")";
        return parse(declared);
    }

    static SqlType<?> parse(String declared) {
        if (declared == null || declared.isBlank()) return SqlTypes.ANY;
        Matcher m = NAME.matcher(declared);
        String base = (m.matches() ? m.group(1) : declared).trim().toUpperCase(Locale.ROOT);
        int p1 = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
        int p2 = m.matches() && m.group(3) != null ? Integer.parseInt(m.group(3)) : 0;
        switch (base) {
            case "INTEGER", "INT", "MEDIUMINT": return SqlTypes.INTEGER;
            case "BIGINT", "INT8", "UNSIGNED BIG INT": return SqlTypes.BIGINT;
            case "SMALLINT", "TINYINT", "INT2": return SqlTypes.SMALLINT;
            case "BOOLEAN", "BOOL": return SqlTypes.BOOLEAN;
            case "VARCHAR", "NVARCHAR", "CHARACTER VARYING", "VARYING CHARACTER", "NATIONAL VARYING CHARACTER", "CHAR",
                 "NCHAR", "CHARACTER", "NATIVE CHARACTER":
                return p1 > 0 ? SqlTypes.varchar(p1) : SqlTypes.VARCHAR;
            case "TEXT", "CLOB": return SqlTypes.TEXT;
            case "NUMERIC", "DECIMAL": return p1 > 0 ? SqlTypes.numeric(p1, p2) : SqlTypes.NUMERIC;
            case "REAL": return SqlTypes.REAL;
            case "DOUBLE", "DOUBLE PRECISION", "FLOAT": return SqlTypes.DOUBLE;
            case "DATE": return SqlTypes.DATE;
            case "TIME": return SqlTypes.TIME;
            case "TIMESTAMP", "DATETIME": return SqlTypes.TIMESTAMP;
            case "BLOB": return SqlTypes.BLOB;
            case "JSON": return SqlTypes.JSON;
            default: break;
        }
        // SQLite's affinity rules (https://sqlite.org/datatype3.html, 3.1), in their order
        if (base.contains("INT")) return SqlTypes.BIGINT;
        if (base.contains("CHAR") || base.contains("CLOB") || base.contains("TEXT")) return SqlTypes.TEXT;
        if (base.contains("BLOB")) return SqlTypes.BLOB;
        if (base.contains("REAL") || base.contains("FLOA") || base.contains("DOUB")) return SqlTypes.DOUBLE;
        return SqlTypes.NUMERIC;
    }
}
