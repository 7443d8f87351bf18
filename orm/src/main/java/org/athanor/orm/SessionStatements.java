package org.athanor.orm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one session sent to the database, for its {@link StatementReport}: the origin of the
 * statements running now (set by each operation that runs SQL), statements counted by origin (by the
 * factory's {@link StatementTracker} when it has one), and lazy loads per relationship, checked
 * against the factory's limit. Moved out of Session unchanged.
 */
final class SessionStatements {
    private static final System.Logger LAZY_LOG = System.getLogger("org.athanor.orm.lazy");

    private final SessionFactory factory;
    /** What the session is doing, for the statement report: set by each operation that runs SQL. */
    private String origin = "execute";
    /*
     * The counts below are made on first use: most sessions count no statement (their factory has no
     * StatementTracker) and load nothing lazily, and a session is opened per request.
     */
    /** Statements by origin (counted by the factory's StatementTracker when it has one); null until the first. */
    private LinkedHashMap<String, Long> statements;
    /** Lazy loads by relationship ("Writer.articles"); null until the first. */
    private LinkedHashMap<String, Integer> lazyLoads;
    /** The lazy-load limit's warnings; null until the first. */
    private List<String> lazyWarnings;

    SessionStatements(SessionFactory factory) { this.factory = factory; }

    /**
     * Makes {@code o} the origin of the statements that follow (until the next) and returns the one it
     * replaces: operations nested in another (a flush in a query, a relationship load) put it back.
     */
    String origin(String o) {
        String prev = origin;
        origin = o;
        return prev;
    }

    /** One statement ran on the session's connection. */
    void countStatement() {
        if (statements == null) statements = new LinkedHashMap<>();
        statements.merge(origin, 1L, Long::sum);
    }

    /**
     * A lazy load of {@code relation} ("Writer.articles") is about to run: counted, and checked against
     * the factory's limit before any statement — the (k+1)th warns once or raises.
     */
    void lazyLoad(String relation, String avoid) {
        if (lazyLoads == null) lazyLoads = new LinkedHashMap<>();
        int n = lazyLoads.getOrDefault(relation, 0) + 1;
        int k = factory.lazyLoadLimit;
        if (k >= 0 && n > k) {
            String msg = relation + " was lazily loaded " + n + " times in this session (limit " + k + "): an N+1; load it"
                    + " with the query instead, e.g. options(" + avoid + ")";
            if (factory.lazyLoadRaise) throw new LazyLoadLimitError(msg);
            if (n == k + 1) {
                if (lazyWarnings == null) lazyWarnings = new java.util.ArrayList<>();
                lazyWarnings.add(msg);
                LAZY_LOG.log(System.Logger.Level.WARNING, msg);
            }
        }
        lazyLoads.put(relation, n);
    }

    StatementReport report() {
        if (factory.tracker == null)
            throw new IllegalStateException("statementReport(): this session's factory does not count statements; make it with "
                    + "SessionFactory.of(engine, registry).withStatementReport()");
        return new StatementReport(statements == null ? Map.of() : statements, lazyLoads == null ? Map.of() : lazyLoads,
                lazyWarnings == null ? List.of() : lazyWarnings);
    }

    void reset() {
        statements = null;
        lazyLoads = null;
        lazyWarnings = null;
    }
}
