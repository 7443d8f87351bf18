package org.athanor.orm;

import static org.athanor.core.sql.Sql.selectFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.ForeignKey;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Sql;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.rel.Article;
import org.athanor.orm.model.rel.Writer;
import org.junit.jupiter.api.Test;

/**
 * {@code @ManyToOne} on every database (issue 15, first slice): the foreign key in the mapped table,
 * the save-update cascade and parents-first inserts with generated keys, and the batched eager load
 * (one IN select per query result), with exact statement counts.
 */
public abstract class RelationshipTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Writer.class, Article.class, org.athanor.orm.model.rel.Comment.class,
            org.athanor.orm.model.rel.Profile.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static org.athanor.core.schema.Column<Object> col(Table t, int i) { return (org.athanor.core.schema.Column) t.columns().get(i); }

    List<Row> rows(Table t) {
        return engine.fromTransaction(c -> c.execute(selectFrom(t).orderBy(t.primaryKeyColumns().get(0))).all());
    }

    @Test
    void theForeignKeyIsPartOfTheMappedTableSoCoreJoinsInferTheirOn() {
        Table article = REGISTRY.table(Article.class), writer = REGISTRY.table(Writer.class);
        assertEquals(List.of("id", "title", "writer_id", "editor_id"), article.columns().stream().map(c -> c.name()).toList());
        assertEquals(2, article.foreignKeys().size());
        ForeignKey fk = article.foreignKeys().get(0);
        assertEquals("writer_id", fk.columns().get(0).name());
        assertSame(writer, fk.referencedColumns().get(0).table());
        assertTrue(!article.columns().get(2).isNullable() && article.columns().get(3).isNullable());
        // the constraint exists in the database: a dangling key is refused
        assertThrows(IntegrityError.class, () -> TestDb.tx(engine, c -> c.execute(Sql.insert(article)
                .set(col(article, 1), "x").set(col(article, 2), 999_999L))));
        // and a Core join infers its ON clause from them: here two, so it asks which
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> article.join(writer));
        assertTrue(e.getMessage().contains("rel_article[writer_id] -> rel_writer[id], rel_article[editor_id] -> rel_writer[id]"), e.getMessage());
        assertEquals("writer_id", ClassMapping.of(Article.class).toOne("writer").column().name());
    }

    @Test
    void addingAChildAddsItsNewParentWhichIsInsertedFirstWithItsGeneratedKey() {
        Writer w = new Writer("Ann");
        Writer ed = new Writer("Ed");
        try (Session s = sessions.openSession()) {
            Article a1 = new Article("one", w), a2 = new Article("two", w), a3 = new Article("three", w);
            a3.setEditor(ed);
            s.addAll(List.of(a1, a2, a3)); // only the articles: the writers come by the save-update cascade
            assertTrue(s.contains(w) && s.contains(ed));
            statements.clear();
            s.commit();
            // one multi-row INSERT per table, the referenced table first
            assertEquals(2, count("INSERT"), statements.toString());
            List<String> inserts = statements.stream().filter(x -> x.trim().toUpperCase(Locale.ROOT).startsWith("INSERT")).toList();
            assertTrue(inserts.get(0).contains("rel_writer") && inserts.get(1).contains("rel_article"), inserts.toString());
            assertNotNull(w.getId());
        }
        List<Row> articles = rows(REGISTRY.table(Article.class));
        assertEquals(3, articles.size());
        for (Row r : articles) assertEquals(w.getId(), ((Number) r.get("writer_id")).longValue());
        assertNull(articles.get(0).get("editor_id"));
        assertEquals(ed.getId(), ((Number) articles.get(2).get("editor_id")).longValue());
    }

    @Test
    void aQueryLoadsTheReferencedObjectsWithOneBatchedSelect() {
        seed(3, 7); // 3 writers, 7 articles each
        try (Session s = sessions.openSession()) {
            statements.clear();
            List<Article> all = s.query(Article.class).all();
            assertEquals(21, all.size());
            // one SELECT for the articles, one IN select for all 3 writers, none per row; editors are NULL
            assertEquals(2, count("SELECT"), statements.toString());
            assertTrue(statements.get(1).toUpperCase(Locale.ROOT).contains(engine.dialect().features().supportsAnyArray() ? " = ANY(?)" : " IN ("),
                    statements.get(1));
            assertSame(all.get(0).getWriter(), all.get(6).getWriter());
            assertEquals("w0", all.get(0).getWriter().getName());
            assertEquals("w2", all.get(20).getWriter().getName());
            assertNull(all.get(0).getEditor());
            // the loaded objects are clean: nothing to write
            statements.clear();
            s.flush();
            assertEquals(0, statements.size(), statements.toString());
        }
    }

    @Test
    void referencedObjectsAlreadyInTheSessionCostNoSelect() {
        seed(2, 2);
        try (Session s = sessions.openSession()) {
            List<Writer> writers = s.query(Writer.class).all();
            statements.clear();
            List<Article> all = s.query(Article.class).all();
            assertEquals(1, count("SELECT"), statements.toString());
            assertSame(writers.get(0), all.get(0).getWriter());
            Article one = s.get(Article.class, all.get(3).getId());
            assertSame(writers.get(1), one.getWriter());
            assertEquals(1, count("SELECT"), statements.toString());
        }
    }

    @Test
    void manyKeysAreChunkedUnderTheBindLimit() {
        seed(org.athanor.orm.internal.loading.ToOneLoading.CHUNK + 20, 1);
        try (Session s = sessions.openSession()) {
            statements.clear();
            List<Article> all = s.query(Article.class).all();
            assertEquals(org.athanor.orm.internal.loading.ToOneLoading.CHUNK + 20, all.size());
            assertEquals(3, count("SELECT"), "articles, then the writers in two chunks");
            for (int i = 0; i < all.size(); i++) assertEquals("w" + i, all.get(i).getWriter().getName());
        }
    }

    @Test
    void changingAReferenceWritesTheNewKeyIncludingANewObjectsGeneratedKey() {
        seed(2, 1);
        Long articleId;
        Writer fresh = new Writer("fresh");
        try (Session s = sessions.openSession()) {
            List<Article> all = s.query(Article.class).all();
            Writer other = all.get(1).getWriter();
            all.get(0).setWriter(other);
            all.get(0).setEditor(other);
            all.get(1).setWriter(fresh); // a new writer, added by the cascade and inserted before the UPDATE
            articleId = all.get(1).getId();
            statements.clear();
            s.commit();
            assertEquals(1, count("INSERT"), statements.toString());
            assertEquals(2, count("UPDATE"), statements.toString());
            assertNotNull(fresh.getId());
        }
        List<Row> articles = rows(REGISTRY.table(Article.class));
        Row first = articles.get(0), second = articles.get(1);
        assertEquals(first.get("writer_id"), first.get("editor_id"));
        assertEquals(articleId, ((Number) second.get("id")).longValue());
        assertEquals(fresh.getId(), ((Number) second.get("writer_id")).longValue());
        try (Session s = sessions.openSession()) {
            statements.clear();
            Article a = s.get(Article.class, articleId);
            assertEquals(2, count("SELECT"), "the article, then its writer: " + statements);
            assertEquals("fresh", a.getWriter().getName());
            statements.clear();
            a.setEditor(a.getWriter());
            s.flush();
            a.setEditor(null);
            s.commit();
            assertEquals(2, count("UPDATE"), statements.toString());
        }
        assertNull(rows(REGISTRY.table(Article.class)).get(1).get("editor_id"));
    }

    @Test
    void aMissingRequiredReferenceIsTheDatabasesNotNullError() {
        try (Session s = sessions.openSession()) {
            s.add(new Article("orphan", null));
            assertThrows(IntegrityError.class, s::commit);
        }
    }

    @Test
    void rollbackPutsTheReferenceBack() {
        seed(2, 1);
        try (Session s = sessions.openSession()) {
            List<Article> all = s.query(Article.class).all();
            Writer before = all.get(0).getWriter();
            all.get(0).setWriter(all.get(1).getWriter());
            s.flush();
            s.rollback();
            assertSame(before, all.get(0).getWriter());
            assertEquals(before.getId(), ((Number) rows(REGISTRY.table(Article.class)).get(0).get("writer_id")).longValue());
        }
    }

    @Test
    void refreshReadsAChangedKeyAndFindsItsObject() {
        seed(2, 1);
        try (Session s = sessions.openSession()) {
            List<Article> all = s.query(Article.class).all();
            Writer second = all.get(1).getWriter();
            s.commit(); // ends the read transaction, whose snapshot would hide the change below (SQLite, MariaDB)
            Table t = REGISTRY.table(Article.class);
            TestDb.tx(engine, c -> c.execute(Sql.update(t).set(col(t, 2), second.getId())
                    .where(col(t, 0).eq(all.get(0).getId()))));
            statements.clear();
            s.refresh(all.get(0));
            assertSame(second, all.get(0).getWriter());
            assertEquals(1, count("SELECT"), "the writer is in the session: only the article's row is read");
        }
    }

    /** {@code writers} writers w0.., each with {@code per} articles, committed in one flush. */
    void seed(int writers, int per) {
        try (Session s = sessions.openSession()) {
            List<Article> articles = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Writer w = new Writer("w" + i);
                for (int j = 0; j < per; j++) articles.add(new Article("a" + i + "." + j, w));
            }
            s.addAll(articles);
            s.commit();
        }
        statements.clear();
    }
}
