package org.athanor.orm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@link Session} sent to the database, by origin: a snapshot taken by
 * {@link Session#statementReport()}. Counts come from Core's {@code ExecutionListener} seam (each
 * execution, a JDBC batch or a bulk-insert chunk included, counts once); the origin is what the
 * session was doing when the statement ran:
 *
 * <ul>
 * <li>{@code query Article} — a {@link Query} terminal method ({@code all}, {@code first}, {@code count}, bulk update/delete, ...)</li>
 * <li>{@code get Article}, {@code refresh Article}, {@code merge Article}</li>
 * <li>{@code flush} — a flush, explicit, autoflush or at commit</li>
 * <li>{@code load Article.writer} — the batched select of a result's {@code @ManyToOne} references</li>
 * <li>{@code lazy load Writer.articles} — an access to an unloaded relationship</li>
 * <li>{@code selectin load Writer.articles} — a query's {@code selectinLoad} option</li>
 * <li>{@code execute} — Core statements run through {@link Session#execute}</li>
 * </ul>
 *
 * <p>{@link #lazyLoads()} counts lazy loads per relationship (one batched load of a whole result is
 * one lazy load): an N+1 shows as a large count there. Warnings of
 * {@link SessionFactory#warnLazyLoadsOver(int)} are listed in {@link #warnings()}.
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.of(engine, registry).withStatementReport();
 * try (Session s = sessions.openSession()) {
 *     for (Writer w : s.query(Writer.class).all()) w.getArticles().size();
 *     StatementReport r = s.statementReport();
 *     r.count("lazy load Writer.articles");   // 1: one batched SELECT for the whole result
 * }
 * }</pre>
 */
public final class StatementReport {
    private final Map<String, Long> byOrigin;
    private final Map<String, Integer> lazyLoads;
    private final List<String> warnings;

    StatementReport(Map<String, Long> byOrigin, Map<String, Integer> lazyLoads, List<String> warnings) {
        this.byOrigin = Collections.unmodifiableMap(new LinkedHashMap<>(byOrigin));
        this.lazyLoads = Collections.unmodifiableMap(new LinkedHashMap<>(lazyLoads));
        this.warnings = List.copyOf(warnings);
    }

    /** Statements per origin, in the order the origins first ran a statement. */
    public Map<String, Long> byOrigin() { return byOrigin; }

    /** Statements of one origin (0 when it ran none), e.g. {@code count("lazy load Writer.articles")}. */
    public long count(String origin) { return byOrigin.getOrDefault(origin, 0L); }

    /** All statements. */
    public long total() {
        long n = 0;
        for (long c : byOrigin.values()) n += c;
        return n;
    }

    /** Lazy loads per relationship ({@code "Writer.articles"}), whether or not the report counts statements. */
    public Map<String, Integer> lazyLoads() { return lazyLoads; }

    /** The lazy-load limit warnings given in this session, in order. */
    public List<String> warnings() { return warnings; }

    /** One line per origin, e.g. {@code "3 statements: query Writer 1, lazy load Writer.articles 1, flush 1"}. */
    @Override public String toString() {
        StringBuilder b = new StringBuilder().append(total()).append(total() == 1 ? " statement" : " statements");
        String sep = ": ";
        for (Map.Entry<String, Long> e : byOrigin.entrySet()) {
            b.append(sep).append(e.getKey()).append(' ').append(e.getValue());
            sep = ", ";
        }
        if (!lazyLoads.isEmpty()) b.append("; lazy loads ").append(lazyLoads);
        return b.toString();
    }
}
