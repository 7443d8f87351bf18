package org.athanor.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.athanor.core.dialect.ConsecutiveKeys;

/**
 * SQLite's rowids for a bulk insert without RETURNING. A rowid table whose key is its rowid (an
 * {@code INTEGER PRIMARY KEY}) gives each new row one above the largest rowid it holds (with
 * AUTOINCREMENT: one above the largest it ever held), unless that largest is the highest possible
 * rowid, when it picks unused ones at random. So the rows of one multi-row INSERT get consecutive
 * keys unless something else inserts or deletes rows of the table while it runs: a trigger (of the
 * main or the temp schema), or REPLACE conflict resolution declared in the table. {@link #probe}
 * rules those out from the schema; the check after each INSERT catches the random case (the final
 * row's key is then not the table's largest) and a schema changed since the probe.
 */
final class SqliteConsecutiveKeys implements ConsecutiveKeys {
    /** Table definitions the rowid rule does not cover, or may not: read conservatively (a false alarm only keeps RETURNING). */
    private static final Pattern UNSAFE = Pattern.compile(
            "\\bWITHOUT\\s+ROWID\\b|\\bREPLACE\\b|\\bPRIMARY\\s+KEY\\s+DESC\\b|^\\s*CREATE\\s+VIRTUAL\\b",
            Pattern.CASE_INSENSITIVE);

    private static final String PROBE = "SELECT "
            + "(SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1 COLLATE NOCASE)"
            + " + (SELECT count(*) FROM sqlite_temp_master WHERE tbl_name = ?1 COLLATE NOCASE), "
            + "(SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1 COLLATE NOCASE), "
            + "(SELECT count(*) FROM pragma_table_info(?1) WHERE pk > 0), "
            + "(SELECT upper(type) FROM pragma_table_info(?1) WHERE pk > 0 AND name = ?2 COLLATE NOCASE)";

    private final String table;
    private final String key;
    private final String check;

    SqliteConsecutiveKeys(String table, String key, String quotedTable, String quotedKey) {
        this.table = table;
        this.key = key;
        this.check = "SELECT last_insert_rowid(), max(" + quotedKey + "), (SELECT schema_version FROM pragma_schema_version) FROM " + quotedTable;
    }

    @Override
    public boolean probe(java.sql.Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PROBE)) {
            ps.setString(1, table);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return false;
                long triggersOrTemp = rs.getLong(1);
                String ddl = rs.getString(2);
                long keyColumns = rs.getLong(3);
                String keyType = rs.getString(4);
                return triggersOrTemp == 0 && ddl != null && !UNSAFE.matcher(ddl).find()
                        && keyColumns == 1 && "INTEGER".equals(keyType);
            }
        }
    }

    @Override
    public String checkSql() { return check; }
}
