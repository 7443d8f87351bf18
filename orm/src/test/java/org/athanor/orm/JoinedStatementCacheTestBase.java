package org.athanor.orm;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.model.rel.Article;
import org.athanor.orm.model.rel.Article_;
import org.athanor.orm.model.rel.Writer;
import org.athanor.orm.model.rel.Writer_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A joined load's statement plan is built once per option shape and kept on the Mapper: the same options again (new
 * option objects, other criteria) reuse it; a shape that changes the SQL (innerJoin, a nested
 * joinedLoad) gets its own; a LIMIT's subquery form is the query's own. Results stay right throughout.
 */
public abstract class JoinedStatementCacheTestBase extends MappedTestBase {
    /** A registry of this test's own: its Mappers' caches start empty for every database. */
    static final Registry REGISTRY = Registry.of(Writer.class, Article.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    boolean emptyAfterAll() {
        return true;
    }

    private Mapper writers;

    /** Ann: "A1" (edited by Bo), "A2"; Bo: "B1"; Cy: no articles. */
    @BeforeEach
    void writers() {
        try (Session s = sessions.openSession()) {
            JoinedInnerJoinTestBase.addWriters(s);
            s.commit();
        }
        writers = REGISTRY.info(Writer.class);
        writers.joinedPlans.clear();
        statements.clear();
    }

    private static List<String> names(List<Writer> ws) { return ws.stream().map(Writer::getName).toList(); }

    private static List<String> titles(Writer w) { return w.getArticles().stream().map(Article::getTitle).toList(); }

    private List<Object> plans() { return writers.joinedPlans.kept(); }

    @Test
    void theSameOptionsAgainReuseThePlanWithOtherCriteria() {
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).options(joinedLoad(Writer_.articles)).orderBy(Writer_.name).all();
            assertEquals(List.of("Ann", "Bo", "Cy"), names(ws));
            assertEquals(List.of("A2", "A1"), titles(ws.get(0)));
        }
        List<Object> first = plans();
        assertEquals(1, first.size(), "one plan for one option shape");
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).where(Writer_.name.eq("Bo")).options(joinedLoad(Writer_.articles)).all();
            assertEquals(List.of("Bo"), names(ws));
            assertEquals(List.of("B1"), titles(ws.get(0)));
        }
        assertEquals(1, plans().size(), "new option objects, another WHERE: the same plan, nothing added");
        assertSame(first.get(0), plans().get(0));
        assertEquals(2, statements.size(), statements.toString());
        assertTrue(statements.get(1).contains("LEFT OUTER JOIN rel_article AS rel_article_1"), statements.get(1));
    }

    @Test
    void aShapeThatChangesTheSqlGetsAPlanOfItsOwn() {
        try (Session s = sessions.openSession()) {
            s.query(Writer.class).options(joinedLoad(Writer_.articles)).orderBy(Writer_.name).all();
        }
        Object outer = plans().get(0);
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).options(joinedLoad(Writer_.articles).innerJoin()).orderBy(Writer_.name).all();
            assertEquals(List.of("Ann", "Bo"), names(ws), "the inner join's own statement, not the outer join's");
        }
        assertEquals(2, plans().size());
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).options(joinedLoad(Writer_.articles).then(joinedLoad(Article_.editor)))
                    .orderBy(Writer_.name).all();
            assertEquals(List.of("Ann", "Bo", "Cy"), names(ws));
            assertEquals("Bo", ws.get(0).getArticles().get(1).getEditor().getName());
            assertNull(ws.get(0).getArticles().get(0).getEditor());
        }
        assertEquals(3, plans().size(), "a nested joinedLoad is another shape");
        assertEquals(1, statements.stream().filter(q -> q.contains("rel_writer AS rel_writer_2")).count(), statements.toString());
        assertSame(outer, plans().get(0), "the first plan stays");
        assertEquals(3, new java.util.HashSet<>(plans()).size(), "three distinct plans");
    }

    @Test
    void optionsLoadedAfterTheStatementShareItsPlanAndStillLoad() {
        try (Session s = sessions.openSession()) {
            s.query(Writer.class).options(joinedLoad(Writer_.articles)).orderBy(Writer_.name).all();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).where(Writer_.name.eq("Ann"))
                    .options(joinedLoad(Writer_.articles).then(selectinLoad(Article_.editor))).all();
            assertEquals(2, statements.size(), "the joined statement, then the editors' select-in: " + statements);
            assertEquals("Bo", ws.get(0).getArticles().get(1).getEditor().getName());
            assertEquals(2, statements.size(), "the editor came with the select-in: " + statements);
        }
        assertEquals(1, plans().size(), "a select-in below does not change the joined SQL");
    }

    @Test
    void aLimitedQueryReadsItsOwnSubqueryAndCachesNothing() {
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).options(joinedLoad(Writer_.articles)).orderBy(Writer_.name).limit(2).all();
            assertEquals(List.of("Ann", "Bo"), names(ws));
            assertEquals(List.of("A2", "A1"), titles(ws.get(0)));
        }
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).options(joinedLoad(Writer_.articles)).orderBy(Writer_.name).offset(1).limit(2).all();
            assertEquals(List.of("Bo", "Cy"), names(ws));
            assertEquals(List.of("B1"), titles(ws.get(0)));
        }
        assertTrue(plans().isEmpty(), "the subquery form reads the query's own select");
    }
}
