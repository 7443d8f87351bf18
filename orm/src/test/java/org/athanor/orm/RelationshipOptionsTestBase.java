package org.athanor.orm;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.noLoad;
import static org.athanor.orm.Loaders.raiseLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.orm.model.rel.Article;
import org.athanor.orm.model.rel.Article_;
import org.athanor.orm.model.rel.Writer;
import org.athanor.orm.model.rel.Writer_;
import org.junit.jupiter.api.Test;

/**
 * Per-query loader options over the generated metamodel's relationship attributes, on every database,
 * with exact statement counts. Runs the collection and reference suites too (it extends them).
 */
public abstract class RelationshipOptionsTestBase extends RelationshipCollectionsTestBase {
    @Test
    void theMetamodelHasTypedRelationshipAttributes() {
        Relationship<Writer, Article> articles = Writer_.articles;
        Relationship<Article, Writer> writer = Article_.writer;
        assertTrue(articles.isCollection());
        assertEquals("articles", articles.name());
        assertEquals(Writer.class, writer.target());
        assertTrue(!writer.isCollection());
    }

    @Test
    void selectinLoadRunsTheCollectionSelectWithTheQuery() {
        seed(3, 2);
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).options(selectinLoad(Writer_.articles)).all();
            assertEquals(2, count("SELECT"), statements.toString());
            for (Writer w : ws) assertEquals(2, w.getArticles().size());
            assertEquals(2, count("SELECT"), "loaded with the query: " + statements);
        }
    }

    @Test
    void optionsChainThroughReferencesAndCollections() {
        seed(2, 3);
        try (Session s = sessions.openSession()) {
            List<Article> all = s.query(Article.class)
                    .options(selectinLoad(Article_.writer).then(selectinLoad(Writer_.articles))).all();
            // the articles, their writers (batched), the writers' articles (batched, found in the session)
            assertEquals(3, count("SELECT"), statements.toString());
            assertEquals(3, all.get(0).getWriter().getArticles().size());
            assertSame(all.get(0).getWriter(), all.get(0).getWriter().getArticles().get(2).getWriter());
            assertEquals(3, count("SELECT"), statements.toString());
        }
    }

    @Test
    void raiseLoadMakesAnAccessAnErrorThatSaysHowToLoad() {
        seed(1, 1);
        try (Session s = sessions.openSession()) {
            Writer w = s.query(Writer.class).options(raiseLoad(Writer_.articles)).one();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.getArticles().size());
            assertTrue(e.getMessage().contains(".articles is not loaded") && e.getMessage().contains("selectinLoad(Writer_.articles)"),
                    e.getMessage());
            assertEquals(1, count("SELECT"), statements.toString());
        }
    }

    @Test
    void noLoadLeavesTheCollectionEmptyWithoutSql() {
        seed(1, 2);
        try (Session s = sessions.openSession()) {
            Writer w = s.query(Writer.class).options(noLoad(Writer_.articles)).one();
            assertTrue(w.getArticles().isEmpty());
            assertEquals(1, count("SELECT"), statements.toString());
        }
    }

    @Test
    void misplacedOptionsAreRefused() {
        try (Session s = sessions.openSession()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Article.class).options(selectinLoad(Writer_.articles)));
            assertEquals("options(selectinLoad(Writer.articles)): Writer.articles is not a relationship of Article; reach it "
                    + "through .then() from one of Article's relationships", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> selectinLoad(Writer_.articles).then(selectinLoad(Writer_.edited)));
            assertTrue(e.getMessage().contains("Writer.edited is not a relationship of Article"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> raiseLoad(Article_.writer));
            assertTrue(e.getMessage().startsWith("raiseLoad(Article.writer): a @ManyToOne is always loaded"), e.getMessage());
        }
    }

    @Test
    void queriesJoinAndFilterAcrossRelationships() {
        seed(2, 2);
        try (Session s = sessions.openSession()) {
            s.add(new Writer("lonely"));
            s.commit();
            assertEquals(List.of("w1"), names(s.query(Writer.class).join(Writer_.articles).filter(Article_.title.eq("a1.1")).all()));
            assertEquals(List.of("lonely"), names(s.query(Writer.class).outerJoin(Writer_.articles).filter(Article_.id.isNull()).all()));
            assertEquals(List.of("w1"), names(s.query(Writer.class).filter(Writer_.articles.any(Article_.title.eq("a1.0"))).all()));
            assertEquals(List.of("w0", "w1"), names(s.query(Writer.class).filter(Writer_.articles.any()).orderBy(Writer_.name.asc()).all()));
            List<Article> ofW0 = s.query(Article.class).filter(Article_.writer.has(Writer_.name.eq("w0"))).all();
            assertEquals(List.of("a0.0", "a0.1"), ofW0.stream().map(Article::getTitle).sorted().toList());
            Writer w0 = ofW0.get(0).getWriter();
            statements.clear();
            assertEquals(2, s.query(Article.class).filterBy("writer", w0).all().size());
            assertEquals(2, s.query(Article.class).withParent(w0, Writer_.articles).all().size());
            assertEquals(4, s.query(Article.class).filterBy("editor", null).all().size());
            assertEquals(3, count("SELECT"), "the writer is in the session: one select per query " + statements);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Article_.writer.any());
            assertEquals("Article.writer is a reference, not a collection: use has(...)", e.getMessage());
        }
    }

    @Test
    void joinedLoadReadsObjectsAndCollectionsInOneStatement() {
        seed(3, 2);
        try (Session s = sessions.openSession()) {
            s.add(new Writer("lonely"));
            s.commit();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).options(joinedLoad(Writer_.articles)).orderBy(Writer_.name.asc()).all();
            assertEquals(1, count("SELECT"), statements.toString());
            assertTrue(statements.get(0).toUpperCase(java.util.Locale.ROOT).contains("LEFT OUTER JOIN"), statements.toString());
            assertEquals(List.of("lonely", "w0", "w1", "w2"), names(ws), "parents de-duplicated, in order");
            assertTrue(ws.get(0).getArticles().isEmpty());
            for (int i = 1; i < 4; i++) {
                Writer w = ws.get(i);
                assertEquals(List.of("a" + (i - 1) + ".1", "a" + (i - 1) + ".0"), w.getArticles().stream().map(Article::getTitle).toList(),
                        "@OrderBy(title DESC)");
                for (Article a : w.getArticles()) assertSame(w, a.getWriter());
            }
            assertEquals(1, count("SELECT"), "nothing more on access: " + statements);
        }
    }

    @Test
    void twoCollectionsJoinedAtOnceHoldEachElementOnce() {
        // the statement's rows are the product of the two collections (2 articles x 3 edited per writer): each article
        // comes three times, and an edited article again after each of its writer's articles, not in a row
        try (Session s = sessions.openSession()) {
            Writer w = new Writer("w"), other = new Writer("other");
            s.addAll(List.of(w, other));
            for (int i = 0; i < 2; i++) s.add(new Article("own" + i, w));
            for (int i = 0; i < 3; i++) {
                Article a = new Article("edited" + i, other);
                a.setEditor(w);
                s.add(a);
            }
            s.commit();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).options(joinedLoad(Writer_.articles), joinedLoad(Writer_.edited))
                    .orderBy(Writer_.name.desc()).all();
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals(List.of("w", "other"), names(ws));
            Writer w = ws.get(0);
            assertEquals(List.of("own1", "own0"), w.getArticles().stream().map(Article::getTitle).toList(), "each article once");
            assertEquals(3, w.getEdited().size(), "each edited article once: " + w.getEdited());
            assertEquals(java.util.Set.of("edited0", "edited1", "edited2"),
                    w.getEdited().stream().map(Article::getTitle).collect(java.util.stream.Collectors.toSet()));
            assertEquals(3, ws.get(1).getArticles().size());
            assertTrue(ws.get(1).getEdited().isEmpty());
            assertEquals(1, count("SELECT"), "nothing more on access: " + statements);
        }
    }

    @Test
    void joinedLoadWithLimitLimitsTheObjectsInASubquery() {
        seed(3, 3);
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).options(joinedLoad(Writer_.articles)).orderBy(Writer_.name.desc())
                    .limit(2).all();
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals(List.of("w2", "w1"), names(ws), "2 writers, not 2 joined rows");
            for (Writer w : ws) assertEquals(3, w.getArticles().size());
            Writer second = s.query(Writer.class).options(joinedLoad(Writer_.articles)).orderBy(Writer_.name.asc()).offset(1).first();
            assertEquals("w1", second.getName());
            assertEquals(3, second.getArticles().size());
            assertEquals(2, count("SELECT"), statements.toString());
        }
    }

    @Test
    void joinedLoadOfAReferenceAndThenOptions() {
        seed(2, 3);
        try (Session s = sessions.openSession()) {
            List<Article> all = s.query(Article.class).options(joinedLoad(Article_.writer)).all();
            assertEquals(6, all.size());
            assertEquals(1, count("SELECT"), statements.toString());
            assertTrue(all.get(0).getWriter() != null);
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Article> all = s.query(Article.class)
                    .options(joinedLoad(Article_.writer).then(selectinLoad(Writer_.articles))).all();
            // articles with their writers (joined), the writers' articles (batched)
            assertEquals(2, count("SELECT"), statements.toString());
            assertEquals(3, all.get(0).getWriter().getArticles().size());
            assertEquals(2, count("SELECT"), statements.toString());
        }
    }

    @Test
    void oneTableJoinedTwiceThroughTwoRelationships() {
        seed(2, 2);
        try (Session s = sessions.openSession()) {
            List<Writer> writers = s.query(Writer.class).orderBy(Writer_.name.asc()).all();
            for (Article a : writers.get(1).getArticles()) a.setEditor(writers.get(0));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            org.athanor.core.schema.Table author = Writer_.TABLE.as("author"), editor = Writer_.TABLE.as("editor");
            List<Article> found = s.query(Article.class).join(Article_.writer, author).join(Article_.editor, editor)
                    .filter(author.corresponding(Writer_.name).eq("w1"), editor.corresponding(Writer_.name).eq("w0"))
                    .orderBy(Article_.title.asc()).all();
            assertEquals(List.of("a1.0", "a1.1"), found.stream().map(Article::getTitle).toList());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Article.class).join(Article_.writer, Article_.TABLE.as("x")));
            assertTrue(e.getMessage().startsWith("Article.writer: the second table must be rel_writer or an alias of it"), e.getMessage());
        }
    }

    @Test
    void entitiesWithColumnsAsTypedTuples() {
        seed(3, 2);
        try (Session s = sessions.openSession()) {
            s.add(new Writer("lonely"));
            s.commit();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<io.vavr.Tuple2<Writer, Long>> counts = s.query(Writer.class).outerJoin(Writer_.articles)
                    .groupBy(Writer_.id, Writer_.name).orderBy(Writer_.name.asc())
                    .allWith(org.athanor.core.sql.Sql.count(Article_.id));
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals(List.of("lonely:0", "w0:2", "w1:2", "w2:2"), counts.stream().map(t -> t._1.getName() + ":" + t._2).toList());
            assertSame(s.query(Writer.class).filterBy("name", "w1").one(), counts.get(2)._1, "the session's objects");
            List<io.vavr.Tuple3<Writer, Long, String>> two = s.query(Writer.class).join(Writer_.articles)
                    .groupBy(Writer_.id, Writer_.name).having(org.athanor.core.sql.Sql.count(Article_.id).gt(1L))
                    .orderBy(Writer_.name.desc())
                    .allWith(org.athanor.core.sql.Sql.count(Article_.id), org.athanor.core.sql.Sql.max(Article_.title));
            assertEquals(List.of("w2:2:a2.1", "w1:2:a1.1", "w0:2:a0.1"), two.stream().map(t -> t._1.getName() + ":" + t._2 + ":" + t._3).toList());
            statements.clear();
            for (var t : two) assertEquals(2, t._1.getArticles().size());
            assertEquals(1, count("SELECT"), "the result's collections load in one batch: " + statements);
            List<io.vavr.Tuple2<Article, String>> withWriter = s.query(Article.class).join(Article_.writer)
                    .filter(Writer_.name.eq("w0")).orderBy(Article_.title.asc()).allWith(Writer_.name);
            assertEquals(List.of("a0.0:w0", "a0.1:w0"), withWriter.stream().map(t -> t._1.getTitle() + ":" + t._2).toList());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.query(Writer.class)
                    .options(joinedLoad(Writer_.articles)).allWith(Writer_.name));
            assertTrue(e.getMessage().startsWith("joinedLoad(Writer.articles) cannot be combined with extra columns"), e.getMessage());
        }
    }

    @Test
    void containsEagerFillsRelationshipsFromTheQuerysOwnJoin() {
        seed(2, 2);
        try (Session s = sessions.openSession()) {
            List<Writer> writers = s.query(Writer.class).orderBy(Writer_.name.asc()).all();
            for (Article a : writers.get(1).getArticles()) a.setEditor(writers.get(0));
            s.commit();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).join(Writer_.articles).filter(Article_.title.eq("a1.0"))
                    .options(Loaders.containsEager(Writer_.articles)).all();
            // the query; then the batched select of its articles' editor (w0, a reference not in the statement)
            assertEquals(2, count("SELECT"), statements.toString());
            assertTrue(statements.get(0).toUpperCase(java.util.Locale.ROOT).indexOf("JOIN") == statements.get(0).toUpperCase(java.util.Locale.ROOT).lastIndexOf("JOIN"),
                    "no join besides the query's own: " + statements);
            assertEquals(List.of("w1"), names(ws));
            assertEquals(List.of("a1.0"), ws.get(0).getArticles().stream().map(Article::getTitle).toList(),
                    "the collection holds the rows the query selected");
            assertSame(ws.get(0), ws.get(0).getArticles().get(0).getWriter());
            assertEquals(2, count("SELECT"), "nothing more on access: " + statements);
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            org.athanor.core.schema.Table ed = Writer_.TABLE.as("ed");
            List<Article> as = s.query(Article.class).join(Article_.writer).join(Article_.editor, ed)
                    .options(Loaders.containsEager(Article_.writer), Loaders.containsEager(Article_.editor, ed))
                    .orderBy(Article_.title.asc()).all();
            assertEquals(1, count("SELECT"), "writers and editors from the query's joins: " + statements);
            assertEquals(List.of("a1.0", "a1.1"), as.stream().map(Article::getTitle).toList());
            assertEquals("w1", as.get(0).getWriter().getName());
            assertEquals("w0", as.get(0).getEditor().getName());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Writer.class).options(Loaders.containsEager(Writer_.articles)).all());
            assertTrue(e.getMessage().startsWith("containsEager(Writer.articles): the query does not read rel_article; join it first"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Writer.class).join(Writer_.articles).options(Loaders.containsEager(Writer_.articles)).first());
            assertTrue(e.getMessage().contains("with limit/offset"), e.getMessage());
        }
    }

    @Test
    void joinedLoadThroughATableTheStatementAlreadyReadsAliasesIt() {
        seed(2, 2);
        try (Session s = sessions.openSession()) {
            // every article of w1 is edited by w0
            List<Writer> writers = s.query(Writer.class).orderBy(Writer_.name.asc()).all();
            for (Article a : writers.get(1).getArticles()) a.setEditor(writers.get(0));
            s.commit();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            // rel_writer, then rel_article, then rel_writer again (the editors): one statement, the second read aliased
            List<Writer> ws = s.query(Writer.class).options(joinedLoad(Writer_.articles).then(joinedLoad(Article_.editor)))
                    .orderBy(Writer_.name.asc()).all();
            assertEquals(1, count("SELECT"), statements.toString());
            String sql = statements.get(0).toLowerCase(java.util.Locale.ROOT);
            assertTrue(sql.contains("rel_article_1") && sql.contains("rel_writer_2"), sql);
            assertEquals(List.of("w0", "w1"), names(ws));
            Writer w0 = ws.get(0), w1 = ws.get(1);
            for (Article a : w0.getArticles()) assertNull(a.getEditor());
            for (Article a : w1.getArticles()) assertSame(w0, a.getEditor(), "the editor columns come from the alias");
            assertEquals(List.of("a1.1", "a1.0"), w1.getArticles().stream().map(Article::getTitle).toList());
            assertEquals(1, count("SELECT"), "nothing more on access: " + statements);
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            // the query's own join of rel_article and the joined load of the same table, side by side
            List<Writer> ws = s.query(Writer.class).join(Writer_.articles).filter(Article_.title.eq("a1.0"))
                    .options(joinedLoad(Writer_.articles)).all();
            assertEquals(List.of("w1"), names(ws));
            assertEquals(List.of("a1.1", "a1.0"), ws.get(0).getArticles().stream().map(Article::getTitle).toList(),
                    "the whole collection, not only the rows the filter on the query's own join kept");
            // with a limit the query's join stays inside the subquery
            Writer w = s.query(Writer.class).join(Writer_.articles).filter(Article_.title.eq("a0.1"))
                    .options(joinedLoad(Writer_.articles)).first();
            assertEquals("w0", w.getName());
            assertEquals(2, w.getArticles().size());
            // two joined statements, and the batched select of w1's articles' editor (w0, not in the session yet)
            assertEquals(3, count("SELECT"), statements.toString());
        }
    }

    @Test
    void joinedLoadsChainedThroughThenAreOneStatement() {
        seed(2, 2);
        try (Session s = sessions.openSession()) {
            for (Article a : s.query(Article.class).all()) {
                s.add(new org.athanor.orm.model.rel.Comment("on " + a.getTitle(), a));
                s.add(new org.athanor.orm.model.rel.Comment("again on " + a.getTitle(), a));
            }
            s.commit();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<org.athanor.orm.model.rel.Comment> cs = s.query(org.athanor.orm.model.rel.Comment.class)
                    .options(joinedLoad(org.athanor.orm.model.rel.Comment_.article).then(joinedLoad(Article_.writer)))
                    .filter(org.athanor.orm.model.rel.Comment_.text.startsWith("on ")).all();
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals(4, cs.size());
            for (org.athanor.orm.model.rel.Comment c : cs) {
                assertEquals("on " + c.getArticle().getTitle(), c.getText());
                assertTrue(c.getArticle().getWriter().getName().startsWith("w"));
            }
            assertEquals(1, count("SELECT"), "comment -> article -> writer in one statement: " + statements);
        }
    }

    @Test
    void oneToOneOwningSideHasAUniqueKeyAndLoadsLikeAReference() {
        assertTrue(org.athanor.orm.mapping.ClassMapping.of(org.athanor.orm.model.rel.Profile.class).table().column("writer_id").isUnique());
        Relationship<org.athanor.orm.model.rel.Profile, Writer> rel = org.athanor.orm.model.rel.Profile_.writer;
        assertTrue(!rel.isCollection());
        Long writerId;
        try (Session s = sessions.openSession()) {
            Writer w = new Writer("p");
            s.add(new org.athanor.orm.model.rel.Profile("bio", w));
            s.commit();
            assertEquals(2, count("INSERT"), "the writer, then the profile: " + statements);
            writerId = w.getId();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            org.athanor.orm.model.rel.Profile p = s.query(org.athanor.orm.model.rel.Profile.class).one();
            assertEquals("p", p.getWriter().getName());
            assertEquals(2, count("SELECT"), statements.toString());
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            org.athanor.orm.model.rel.Profile p = s.query(org.athanor.orm.model.rel.Profile.class).options(joinedLoad(rel)).one();
            assertEquals(writerId, p.getWriter().getId());
            assertEquals(1, count("SELECT"), statements.toString());
            s.add(new org.athanor.orm.model.rel.Profile("second", p.getWriter()));
            assertThrows(org.athanor.core.error.IntegrityError.class, s::commit, "writer_id is UNIQUE");
        }
    }

    private static List<String> names(List<Writer> ws) { return ws.stream().map(Writer::getName).toList(); }
}
