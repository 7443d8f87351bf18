package org.athanor.orm;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.athanor.orm.model.rel.Article;
import org.athanor.orm.model.rel.Article_;
import org.athanor.orm.model.rel.Writer;
import org.athanor.orm.model.rel.Writer_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A joined collection below a joined reference: the collection is the related class's (its slot counted in that
 * class's collections, not the query entity's, which may have none), loaded in the one statement for every parent
 * object, each element once per parent although the parent repeats over the rows.
 */
public abstract class JoinedNestedCollectionTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Writer.class, Article.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    boolean emptyAfterAll() {
        return true;
    }

    /** Ann: "A1" (edited by Bo), "A2" (no editor); Bo: "B1" (no editor); Cy: no articles. */
    @BeforeEach
    void writers() {
        try (Session s = sessions.openSession()) {
            JoinedInnerJoinTestBase.addWriters(s);
            s.commit();
        }
        statements.clear();
    }

    private static List<String> titles(java.util.Collection<Article> as) { return as.stream().map(Article::getTitle).sorted().toList(); }

    @Test
    void theWritersArticlesBelowTheArticlesWriter() {
        try (Session s = sessions.openSession()) {
            List<Article> as = s.query(Article.class).options(joinedLoad(Article_.writer).then(joinedLoad(Writer_.articles)))
                    .orderBy(Article_.title).all();
            assertEquals(List.of("A1", "A2", "B1"), as.stream().map(Article::getTitle).toList());
            Writer ann = as.get(0).getWriter();
            assertSame(ann, as.get(1).getWriter());
            assertEquals(List.of("A2", "A1"), ann.getArticles().stream().map(Article::getTitle).toList(), "@OrderBy title DESC, each once");
            assertSame(as.get(0), ann.getArticles().get(1), "the query's own objects");
            assertEquals(List.of("B1"), titles(as.get(2).getWriter().getArticles()));
            assertEquals(1, count("SELECT"), statements.toString());
        }
    }

    @Test
    void theEditorsEditedArticlesTheWritersSecondCollection() {
        try (Session s = sessions.openSession()) {
            List<Article> as = s.query(Article.class).options(joinedLoad(Article_.editor).then(joinedLoad(Writer_.edited)))
                    .orderBy(Article_.title).all();
            assertEquals("Bo", as.get(0).getEditor().getName());
            assertEquals(List.of("A1"), titles(as.get(0).getEditor().getEdited()));
            assertEquals(null, as.get(1).getEditor());
            assertEquals(1, statements.stream().filter(q -> q.contains("FROM rel_article")).count(),
                    "the edited sets came with the query (the articles' writers, not joined, have a select of their own): " + statements);
        }
    }
}
