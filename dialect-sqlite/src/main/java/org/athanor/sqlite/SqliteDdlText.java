package org.athanor.sqlite;

import java.util.ArrayList;
import java.util.List;

/** Reads pieces of a CREATE TABLE statement as SQLite stores it (sqlite_master.sql). */
final class SqliteDdlText {
    private SqliteDdlText() {}

    /**
     * The expression of {@code column}'s {@code [GENERATED ALWAYS] AS (expr)}, or null: the column
     * definitions are split at top-level commas (outside parentheses, quotes and identifiers), the one
     * whose first token names the column is searched for {@code AS (} at depth zero, and the balanced
     * parenthesis after it is returned as written.
     */
    static String generationExpression(String createTable, String column) {
        int open = createTable.indexOf('(');
        if (open < 0) return null;
        for (String def : topLevelParts(createTable.substring(open + 1))) {
            String d = def.strip();
            String name = firstToken(d);
            if (name == null || !unquote(name).equals(column)) continue;
            String rest = d.substring(name.length());
            int depth = 0;
            for (int i = 0; i < rest.length(); i++) {
                char ch = rest.charAt(i);
                if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') { i = skipQuoted(rest, i); continue; }
                if (ch == '(') depth++;
                else if (ch == ')') depth--;
                else if (depth == 0 && (ch == 'a' || ch == 'A') && i + 1 < rest.length() && (rest.charAt(i + 1) == 's' || rest.charAt(i + 1) == 'S')
                        && (i == 0 || !Character.isLetterOrDigit(rest.charAt(i - 1)) && rest.charAt(i - 1) != '_')) {
                    int j = i + 2;
                    while (j < rest.length() && Character.isWhitespace(rest.charAt(j))) j++;
                    if (j < rest.length() && rest.charAt(j) == '(' && (i + 2 == j || Character.isWhitespace(rest.charAt(i + 2)))) {
                        int end = matching(rest, j);
                        return end < 0 ? null : rest.substring(j + 1, end).strip();
                    }
                }
            }
        }
        return null;
    }

    private static List<String> topLevelParts(String body) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') { i = skipQuoted(body, i); continue; }
            if (ch == '(') depth++;
            else if (ch == ')') {
                if (depth == 0) { out.add(body.substring(start, i)); return out; }
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(body.substring(start, i));
                start = i + 1;
            }
        }
        out.add(body.substring(start));
        return out;
    }

    /** The index of the quote closing the one at {@code i} (doubled quotes stay inside). */
    private static int skipQuoted(String s, int i) {
        char close = s.charAt(i) == '[' ? ']' : s.charAt(i);
        for (int j = i + 1; j < s.length(); j++) {
            if (s.charAt(j) == close) {
                if (close != ']' && j + 1 < s.length() && s.charAt(j + 1) == close) { j++; continue; }
                return j;
            }
        }
        return s.length();
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') { i = skipQuoted(s, i); continue; }
            if (ch == '(') depth++;
            else if (ch == ')' && --depth == 0) return i;
        }
        return -1;
    }

    private static String firstToken(String d) {
        if (d.isEmpty()) return null;
        char ch = d.charAt(0);
        if (ch == '"' || ch == '`' || ch == '[') return d.substring(0, Math.min(d.length(), skipQuoted(d, 0) + 1));
        int i = 0;
        while (i < d.length() && !Character.isWhitespace(d.charAt(i)) && d.charAt(i) != '(') i++;
        return d.substring(0, i);
    }

    private static String unquote(String name) {
        char ch = name.charAt(0);
        if (name.length() >= 2 && (ch == '"' || ch == '`' || ch == '[')) {
            String inner = name.substring(1, name.length() - 1);
            return ch == '[' ? inner : inner.replace(String.valueOf(ch) + ch, String.valueOf(ch));
        }
        return name;
    }
}
