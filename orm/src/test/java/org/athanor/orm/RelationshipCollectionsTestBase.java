package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.athanor.core.sql.Row;
import org.athanor.orm.model.rel.Article;
import org.athanor.orm.model.rel.Writer;
import org.junit.jupiter.api.Test;

/**
 * {@code @OneToMany(mappedBy)} on every database: the ORM's own List and Set, the batched lazy load
 * (one IN select per result and chunk), back-population, cascades and the detached error, with exact
 * statement counts. Runs the {@code @ManyToOne} suite too (it extends it).
 */
public abstract class RelationshipCollectionsTestBase extends RelationshipTestBase {
    @Test
    void touchingOneCollectionLoadsItForTheWholeResultInOneSelect() {
        seed(3, 4);
        try (Session s = sessions.openSession()) {
            List<Writer> writers = s.query(Writer.class).all();
            assertEquals(1, count("SELECT"));
            statements.clear();
            List<Article> first = writers.get(0).getArticles();
            assertEquals(4, first.size());
            assertEquals(1, count("SELECT"), statements.toString());
            assertTrue(statements.get(0).toUpperCase(Locale.ROOT).contains(engine.dialect().features().supportsAnyArray() ? " = ANY(?)" : " IN ("),
                    statements.get(0));
            // @OrderBy("title DESC")
            assertEquals(List.of("a0.3", "a0.2", "a0.1", "a0.0"), first.stream().map(Article::getTitle).toList());
            for (Article a : first) assertSame(writers.get(0), a.getWriter());
            // the other writers of the result were loaded by the same select
            assertEquals(4, writers.get(1).getArticles().size());
            assertEquals("a2.3", writers.get(2).getArticles().get(0).getTitle());
            assertEquals(1, count("SELECT"), statements.toString());
            // another collection is another (single) select; none of the articles edits anything
            assertTrue(writers.get(2).getEdited().isEmpty());
            assertEquals(2, count("SELECT"), statements.toString());
            statements.clear();
            s.flush();
            assertEquals(0, statements.size(), "loaded collections are clean: " + statements);
        }
    }

    @Test
    void collectionsOfManyOwnersAreChunked() {
        seed(org.athanor.orm.internal.loading.ToOneLoading.CHUNK + 20, 1);
        try (Session s = sessions.openSession()) {
            List<Writer> writers = s.query(Writer.class).all();
            statements.clear();
            assertEquals(1, writers.get(0).getArticles().size());
            // keys bound as one array (= ANY(?)) are not chunked
            int chunks = engine.dialect().features().supportsAnyArray() ? 1 : 2;
            assertEquals(chunks, count("SELECT"), "two chunks of owners, or one array");
            for (Writer w : writers) assertEquals("a" + w.getName().substring(1) + ".0", w.getArticles().get(0).getTitle());
            assertEquals(chunks, count("SELECT"));
        }
    }

    @Test
    void addingToACollectionSetsTheReferenceAtOnceAndAddsTheElement() {
        seed(1, 1);
        try (Session s = sessions.openSession()) {
            Writer w = s.query(Writer.class).one();
            Article a = new Article("fresh", null);
            w.getArticles().add(a);
            assertSame(w, a.getWriter());
            assertTrue(s.contains(a));
            statements.clear();
            s.commit();
            assertEquals(1, count("INSERT"), statements.toString());
            assertEquals(w.getId(), ((Number) rows(REGISTRY.table(Article.class)).get(1).get("writer_id")).longValue());
        }
    }

    @Test
    void aNewOwnersElementsAreAddedWithItAndGetItsGeneratedKey() {
        Writer w = new Writer("new");
        Article x = new Article("x", null), y = new Article("y", null);
        w.getArticles().add(x);
        w.getEdited().add(y);
        y.setWriter(w);
        try (Session s = sessions.openSession()) {
            s.add(w);
            assertTrue(s.contains(x) && s.contains(y));
            assertSame(w, x.getWriter());
            assertSame(w, y.getEditor());
            assertFalse(w.getArticles() instanceof ArrayList, "the session's own list replaced the application's");
            statements.clear();
            s.commit();
            assertEquals(2, count("INSERT"), "one per table: " + statements);
        }
        List<Row> rows = rows(REGISTRY.table(Article.class));
        for (Row r : rows) assertEquals(w.getId(), ((Number) r.get("writer_id")).longValue());
        assertEquals(w.getId(), ((Number) rows.get(1).get("editor_id")).longValue());
    }

    @Test
    void movingAnElementToAnotherCollectionMovesItsReferenceAndLeavesTheOldList() {
        seed(2, 2);
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).all();
            Article moved = ws.get(0).getArticles().get(0);
            ws.get(1).getArticles().add(moved);
            assertSame(ws.get(1), moved.getWriter());
            assertEquals(1, ws.get(0).getArticles().size());
            assertEquals(3, ws.get(1).getArticles().size());
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), statements.toString());
            assertEquals(0, count("DELETE"), "moving is not orphaning: " + statements);
        }
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).all();
            assertEquals(List.of(1, 3), ws.stream().map(w -> w.getArticles().size()).toList());
        }
    }

    @Test
    void aReferenceSetDirectlyShowsInTheLoadedCollectionsAtTheNextFlush() {
        seed(2, 1);
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).all();
            Article a = ws.get(0).getArticles().get(0);
            assertEquals(1, ws.get(1).getArticles().size());
            a.setWriter(ws.get(1));
            assertEquals(1, ws.get(1).getArticles().size(), "not yet: a plain field write is seen at flush");
            s.flush();
            assertEquals(2, ws.get(1).getArticles().size());
            assertTrue(ws.get(0).getArticles().isEmpty());
        }
    }

    @Test
    void orphanRemovalDeletesAnElementTakenOutOfItsCollection() {
        seed(1, 3);
        try (Session s = sessions.openSession()) {
            Writer w = s.query(Writer.class).one();
            Article gone = w.getArticles().remove(0);
            assertNull(gone.getWriter());
            statements.clear();
            s.commit();
            assertEquals(1, count("DELETE"), statements.toString());
            assertEquals(0, count("UPDATE"), statements.toString());
        }
        assertEquals(2, rows(REGISTRY.table(Article.class)).size());
    }

    @Test
    void deletingAnOwnerDeletesItsArticlesAndClearsTheEditorOfOthers() {
        seed(2, 2);
        Long survivor;
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).all();
            Article other = ws.get(1).getArticles().get(0);
            survivor = other.getId();
            ws.get(0).getEdited().add(other);
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            Writer w0 = s.query(Writer.class).all().get(0);
            statements.clear();
            s.delete(w0);
            s.commit();
            // the two collections loaded (one select each), the editor cleared, children deleted before the parent
            assertEquals(2, count("SELECT"), statements.toString());
            assertEquals(1, count("UPDATE"), statements.toString());
            List<String> deletes = statements.stream().filter(x -> x.trim().toUpperCase(Locale.ROOT).startsWith("DELETE")).toList();
            assertEquals(2, deletes.size(), statements.toString());
            assertTrue(deletes.get(0).contains("rel_article") && deletes.get(1).contains("rel_writer"), deletes.toString());
        }
        List<Row> left = rows(REGISTRY.table(Article.class));
        assertEquals(2, left.size());
        assertTrue(left.stream().anyMatch(r -> ((Number) r.get("id")).longValue() == survivor), left.toString());
        for (Row r : left) assertNull(r.get("editor_id"), left.toString());
    }

    @Test
    void anUnloadedCollectionOfAClosedSessionsObjectIsADetachedInstanceError() {
        seed(1, 1);
        Writer w;
        try (Session s = sessions.openSession()) {
            w = s.query(Writer.class).one();
            w.getEdited().size(); // loaded while open: still readable after close
        }
        assertTrue(w.getEdited().isEmpty());
        DetachedInstanceError e = assertThrows(DetachedInstanceError.class, () -> w.getArticles().size());
        assertTrue(e.getMessage().startsWith("Writer.articles of ") && e.getMessage().contains("session is closed"), e.getMessage());
    }

    @Test
    void aSetKeepsEachElementOnce() {
        seed(1, 1);
        try (Session s = sessions.openSession()) {
            Writer w = s.query(Writer.class).one();
            Article a = w.getArticles().get(0);
            assertTrue(w.getEdited().add(a));
            assertFalse(w.getEdited().add(a));
            assertSame(w, a.getEditor());
            assertTrue(w.getEdited().remove(a));
            assertNull(a.getEditor());
        }
    }

    @Test
    void rollbackUnloadsCollectionsSoTheyReloadAsTheDatabaseHasThem() {
        seed(2, 1);
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).all();
            Article moved = ws.get(0).getArticles().get(0);
            ws.get(1).getArticles().add(moved);
            s.flush();
            s.rollback();
            statements.clear();
            assertEquals(1, ws.get(0).getArticles().size());
            assertEquals(1, ws.get(1).getArticles().size());
            assertEquals(1, count("SELECT"), "both reloaded by one select: " + statements);
            assertSame(ws.get(0), ws.get(0).getArticles().get(0).getWriter());
        }
    }
}
