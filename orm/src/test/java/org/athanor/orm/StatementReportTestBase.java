package org.athanor.orm;

import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Engine;
import org.athanor.core.sql.Sql;
import org.athanor.orm.model.rel.Article;
import org.athanor.orm.model.rel.Article_;
import org.athanor.orm.model.rel.Writer;
import org.athanor.orm.model.rel.Writer_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-session statement report (issue 15): statements by origin, counted through Core's
 * ExecutionListener seam, lazy loads per relationship, and the lazy-load limit (warn / raise at the
 * (k+1)th load, not at the k-th), with exact counts on every database.
 */
public abstract class StatementReportTestBase extends MappedTestBase {
    final List<Long> writerIds = new ArrayList<>();

    @Override
    Registry registry() {
        return RelationshipTestBase.REGISTRY;
    }

    @Override
    SessionFactory sessionFactory(Engine engine) {
        return SessionFactory.of(engine, RelationshipTestBase.REGISTRY).withStatementReport();
    }

    /** Three writers with two articles each, written by one session whose report is checked here. */
    @BeforeEach
    void threeWritersWithTwoArticlesEach() {
        writerIds.clear();
        List<Writer> ws = new ArrayList<>();
        try (Session s = sessions.openSession()) {
            for (String n : List.of("Ann", "Bob", "Cy")) {
                Writer w = new Writer(n);
                ws.add(w);
                s.add(new Article(n + " 1", w));
                s.add(new Article(n + " 2", w));
            }
            s.commit();
            // one multi-row INSERT per table, both from the flush at commit
            assertEquals(Map.of("flush", 2L), s.statementReport().byOrigin());
        }
        for (Writer w : ws) writerIds.add(w.getId());
        statements.clear();
    }

    @Test
    void statementsAreCountedByOriginAndAddUpToWhatTheEngineRan() {
        try (Session s = sessions.openSession()) {
            List<Article> articles = s.query(Article.class).all();
            assertEquals(6, articles.size());
            for (Article a : articles) a.getWriter().getArticles().size(); // the writers came from one result: 1 lazy load
            s.get(Writer.class, writerIds.get(0)); // in the identity map: no statement
            s.execute(Sql.select(Sql.count()).from(RelationshipTestBase.REGISTRY.table(Writer.class))).one();
            articles.get(0).setTitle("changed");
            s.commit();
            StatementReport r = s.statementReport();
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("query Article", 1L);
            expected.put("load Article.writer", 1L);
            expected.put("lazy load Writer.articles", 1L);
            expected.put("execute", 1L);
            expected.put("flush", 1L);
            assertEquals(expected, r.byOrigin(), r.toString());
            assertEquals(Map.of("Writer.articles", 1), r.lazyLoads());
            assertEquals(5, r.total());
            assertEquals(statements.size(), r.total(), statements.toString());
            assertEquals(0, r.count("get Writer"));
            assertTrue(r.toString().startsWith("5 statements: query Article 1, load Article.writer 1, lazy load Writer.articles 1"), r.toString());
        }
    }

    @Test
    void anNPlusOneShowsAsOneLazyLoadPerObjectAndSelectinLoadRemovesIt() {
        try (Session s = sessions.openSession()) {
            for (Long id : writerIds) s.get(Writer.class, id).getArticles().size(); // each writer its own result
            StatementReport r = s.statementReport();
            assertEquals(3, r.count("get Writer"));
            assertEquals(3, r.count("lazy load Writer.articles"));
            assertEquals(Map.of("Writer.articles", 3), r.lazyLoads());
            assertEquals(6, r.total());
        }
        try (Session s = sessions.openSession()) {
            for (Writer w : s.query(Writer.class).options(selectinLoad(Writer_.articles)).all()) w.getArticles().size();
            StatementReport r = s.statementReport();
            assertEquals(Map.of("query Writer", 1L, "selectin load Writer.articles", 1L), r.byOrigin());
            assertEquals(Map.of(), r.lazyLoads());
        }
    }

    @Test
    void nestedWorkGetsItsOwnOriginAndTheOuterOneResumes() {
        try (Session s = sessions.openSession()) {
            Writer w = s.query(Writer.class).filter(Writer_.name.eq("Ann")).one();
            w.setName("Ann B");
            // autoflush before the lazy load, then the load; then the query's own statement
            w.getArticles().size();
            s.query(Article.class).filter(Article_.title.eq("Bob 1")).all();
            s.resetStatementReport();
            s.add(new Writer("Di"));
            long n = s.query(Writer.class).count(); // autoflush (1 INSERT), then the count
            assertEquals(4, n);
            assertEquals(Map.of("flush", 1L, "query Writer", 1L), s.statementReport().byOrigin());
            s.rollback();
        }
        try (Session s = sessions.openSession()) {
            Writer w = s.query(Writer.class).filter(Writer_.name.eq("Ann")).one();
            w.setName("Ann B");
            w.getArticles().size();
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("query Writer", 1L);
            expected.put("flush", 1L);
            expected.put("lazy load Writer.articles", 1L);
            assertEquals(expected, s.statementReport().byOrigin());
            s.rollback();
        }
    }

    @Test
    void theLazyLoadWarningFiresAtTheLoadAfterTheLimitAndOnlyOnce() {
        SessionFactory warn = sessions.warnLazyLoadsOver(2);
        try (Session s = warn.openSession()) {
            s.get(Writer.class, writerIds.get(0)).getArticles().size();
            s.get(Writer.class, writerIds.get(1)).getArticles().size();
            assertEquals(List.of(), s.statementReport().warnings()); // k = 2 loads: no warning
            s.get(Writer.class, writerIds.get(2)).getArticles().size();
            List<String> w = s.statementReport().warnings();
            assertEquals(1, w.size(), w.toString());
            assertTrue(w.get(0).startsWith("Writer.articles was lazily loaded 3 times in this session (limit 2)"), w.get(0));
            assertTrue(w.get(0).contains("selectinLoad(Writer_.articles)"), w.get(0));
            assertEquals(3, s.statementReport().count("lazy load Writer.articles")); // warned, still loaded
            s.expungeAll();
            s.get(Writer.class, writerIds.get(0)).getArticles().size();
            assertEquals(1, s.statementReport().warnings().size()); // once per relationship and session
            assertEquals(4, s.statementReport().lazyLoads().get("Writer.articles"));
        }
        try (Session s = warn.openSession()) { // counted per session
            s.get(Writer.class, writerIds.get(0)).getArticles().size();
            assertEquals(List.of(), s.statementReport().warnings());
        }
    }

    @Test
    void theLazyLoadErrorRefusesTheLoadAfterTheLimitBeforeItsStatement() {
        SessionFactory strict = sessions.raiseLazyLoadsOver(2);
        try (Session s = strict.openSession()) {
            s.get(Writer.class, writerIds.get(0)).getArticles().size();
            s.get(Writer.class, writerIds.get(1)).getArticles().size(); // the k-th: allowed
            Writer third = s.get(Writer.class, writerIds.get(2));
            long before = statements.size();
            LazyLoadLimitError e = assertThrows(LazyLoadLimitError.class, () -> third.getArticles().size());
            assertTrue(e.getMessage().startsWith("Writer.articles was lazily loaded 3 times in this session (limit 2)"), e.getMessage());
            assertEquals(before, statements.size()); // no statement ran
            assertEquals(2, s.statementReport().count("lazy load Writer.articles"));
            // the session goes on: the collection is still unloaded, a query loads it
            s.query(Writer.class).options(selectinLoad(Writer_.articles)).all();
            assertEquals(2, third.getArticles().size());
            assertEquals(2, s.statementReport().lazyLoads().get("Writer.articles"));
        }
        SessionFactory zero = sessions.raiseLazyLoadsOver(0);
        try (Session s = zero.openSession()) {
            Writer w = s.get(Writer.class, writerIds.get(0));
            assertThrows(LazyLoadLimitError.class, () -> w.getArticles().size());
        }
    }

    @Test
    void sessionsReleaseTheirConnectionFromTheReportAndTheReportOutlivesTheSession() {
        Session s = sessions.openSession();
        s.query(Writer.class).all();
        assertEquals(1, sessions.tracker.bound());
        s.commit();
        assertEquals(0, sessions.tracker.bound());
        s.query(Writer.class).all();
        s.close();
        assertEquals(0, sessions.tracker.bound());
        assertEquals(Map.of("query Writer", 2L), s.statementReport().byOrigin());
        // statements outside any session are not counted by one
        engine.inTransaction(c -> c.execute(Sql.select(Sql.count()).from(RelationshipTestBase.REGISTRY.table(Writer.class))).one());
        assertEquals(2, s.statementReport().total());
    }

    @Test
    void withoutTheReportTheSessionSaysHowToTurnItOnAndTheLimitStillWorks() {
        SessionFactory plain = SessionFactory.of(engine, RelationshipTestBase.REGISTRY);
        assertNull(plain.tracker);
        try (Session s = plain.openSession()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, s::statementReport);
            assertTrue(e.getMessage().contains("withStatementReport()"), e.getMessage());
        }
        try (Session s = plain.raiseLazyLoadsOver(1).openSession()) {
            s.get(Writer.class, writerIds.get(0)).getArticles().size();
            Writer w = s.get(Writer.class, writerIds.get(1));
            assertThrows(LazyLoadLimitError.class, () -> w.getArticles().size());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sessions.warnLazyLoadsOver(-1));
        assertTrue(e.getMessage().contains("-1 is negative"), e.getMessage());
        assertTrue(sessions.withStatementReport() == sessions && sessions.autoflush(false).reportsStatements());
    }
}
