package org.athanor.core.engine;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Echo: the execution listener that logs every statement (at INFO with {@code echo}, else at DEBUG),
 * registered by the {@link Engine} when either is on at creation. Where echo and DEBUG statement logging go, and how values are shown there. Values are user data:
 * a line break or another control character in one is escaped, so a value cannot start a forged
 * log line; {@link EngineOptions#hideParameters()} leaves them out altogether.
 */
final class EchoLog implements ExecutionListener {
    static final Logger LOG = LoggerFactory.getLogger("org.athanor.engine");

    /**
     * True when no SLF4J provider is bound: SLF4J then drops every line, and echo prints to standard
     * output instead, as SQLAlchemy's echo does. Fixed once the class loads, as SLF4J's binding is.
     */
    static final boolean NO_PROVIDER = LoggerFactory.getILoggerFactory() instanceof org.slf4j.helpers.NOPLoggerFactory;

    /** Parameter sets of a batch shown in full before the rest are only counted. */
    static final int SETS_SHOWN = 3;

    private final boolean echo;
    private final boolean hide;
    private final boolean stdout;

    EchoLog(EngineOptions options) { this(options, NO_PROVIDER); }

    EchoLog(EngineOptions options, boolean stdout) {
        this.echo = options.echo();
        this.hide = options.hideParameters();
        this.stdout = stdout;
    }

    /** True when statements are logged (echo or DEBUG): callers build the logged values only then. */
    boolean on() { return echo || LOG.isDebugEnabled(); }

    /** A statement is logged before it runs; a batch once it ran, when the number of its sets is known. */
    @Override public void started(ExecutionEvent e) {
        if (e.literal()) raw(e.sql());
        else if (!e.batch()) statement(e.sql(), e.parameters(), e.cached());
    }

    @Override public void finished(ExecutionEvent e) {
        if (e.batch() && e.error() == null) batch(e.sql(), e.parameterSets(), e.setCount(), e.cached());
    }

    @Override public void transaction(TransactionEvent event, Connection connection) { raw(event.sql()); }

    void statement(String sql, List<Object> params, boolean cached) {
        if (!on()) return;
        emit(sql + "\n[" + (cached ? "cached" : "generated") + "] " + (params == null ? "" : values(params)));
    }

    /** A batch: its first {@link #SETS_SHOWN} parameter sets, then how many there were. */
    void batch(String sql, List<List<Object>> firstSets, long total, boolean cached) {
        if (!on()) return;
        StringBuilder b = new StringBuilder(sql).append("\n[").append(cached ? "cached" : "generated").append("] ");
        if (hide) b.append('[').append(total).append(" parameter sets, values hidden]");
        else {
            b.append('[');
            for (int i = 0; i < firstSets.size(); i++) {
                if (i > 0) b.append(", ");
                appendValues(b, firstSets.get(i));
            }
            if (total > firstSets.size()) b.append(" ... ").append(firstSets.size()).append(" of ").append(total).append(" parameter sets shown");
            b.append(']');
        }
        emit(b.toString());
    }

    /** A statement without values (DDL, BEGIN, COMMIT, ...). */
    void raw(String sql) {
        if (on()) emit(sql);
    }

    private void emit(String text) {
        if (echo) {
            if (stdout) System.out.println("[athanor] " + text);
            else LOG.info("{}", text);
        } else {
            LOG.debug("{}", text);
        }
    }

    String values(List<Object> params) {
        if (hide) return "[parameters hidden]";
        StringBuilder b = new StringBuilder();
        appendValues(b, params);
        return b.toString();
    }

    private static void appendValues(StringBuilder b, List<Object> values) {
        b.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) b.append(", ");
            Object v = values.get(i);
            appendEscaped(b, v instanceof byte[] bytes ? "<" + bytes.length + " bytes>" : String.valueOf(v));
        }
        b.append(']');
    }

    /** Control characters (and the Unicode line and paragraph separators) as escapes; a backslash doubled so escapes stay unambiguous. */
    static void appendEscaped(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029')
                        b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
    }
}
