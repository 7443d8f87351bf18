package org.athanor.orm;

import java.util.LinkedHashMap;
import java.util.List;

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
    /** Statements by origin (counted by the factory's StatementTracker when it has one). */
    private final LinkedHashMap<String, Long> statements = new LinkedHashMap<>();
    /** Lazy loads by relationship ("Writer.articles"). */
    private final LinkedHashMap<String, Integer> lazyLoads = new LinkedHashMap<>();
    private final List<String> lazyWarnings = new java.util.ArrayList<>();

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
    void countStatement() { statements.merge(origin, 1L, Long::sum); }

    /**
     * A lazy load of {@code relation} ("Writer.articles") is about to run: counted, and checked against
     * the factory's limit before any statement — the (k+1)th warns once or raises.
     */
    void lazyLoad(String relation, String avoid) {
        int n = lazyLoads.getOrDefault(relation, 0) + 1;
        int k = factory.lazyLoadLimit;
        if (k >= 0 && n > k) {
            String msg = relation + " was lazily loaded " + n + " times in this session (limit " + k + "): an N+1; load it"
                    + " with the query instead, e.g. options(" + avoid + ")";
            if (factory.lazyLoadRaise) throw new LazyLoadLimitError(msg);
            if (n == k + 1) {
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
        return new StatementReport(statements, lazyLoads, lazyWarnings);
    }

    void reset() {
        statements.clear();
        lazyLoads.clear();
        lazyWarnings.clear();
    }
}
