package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.model.rel.Article;
import org.athanor.orm.model.rel.Article_;
import org.athanor.orm.model.rel.Writer;
import org.junit.jupiter.api.Test;

/**
 * The flush's check of references written straight into their fields (no collection operation): the walk reads a
 * referenced object's key once per run of objects naming it, and must still see a reference moved to the object the
 * previous object named, or away from it, or nothing changed at all.
 */
public abstract class ReferenceDirtyCheckTestBase extends MappedTestBase {
    @Override
    Registry registry() { return RelationshipTestBase.REGISTRY; }

    /** w0 with a0.0 and a0.1, w1 with a1.0 and a1.1 (ids in that order). */
    private void seed() {
        try (Session s = sessions.openSession()) {
            List<Article> articles = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Writer w = new Writer("w" + i);
                for (int j = 0; j < 2; j++) articles.add(new Article("a" + i + "." + j, w));
            }
            s.addAll(articles);
            s.commit();
        }
        statements.clear();
    }

    private List<String> writersOfArticles() {
        try (Session s = sessions.openSession()) {
            return s.query(Article.class).orderBy(Article_.id.asc()).all().stream().map(a -> a.getWriter().getName()).toList();
        }
    }

    @Test
    void unchangedReferencesWriteNothing() {
        seed();
        try (Session s = sessions.openSession()) {
            s.query(Article.class).orderBy(Article_.id.asc()).all();
            s.commit();
        }
        assertEquals(0, count("UPDATE"), statements.toString());
    }

    @Test
    void aReferenceMovedToThePreviousObjectsTargetIsWritten() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Article> a = s.query(Article.class).orderBy(Article_.id.asc()).all();
            a.get(2).setWriter(a.get(1).getWriter()); // a1.0 now names w0, as a0.1 before it does
            s.commit();
        }
        assertEquals(1, count("UPDATE"), statements.toString());
        assertEquals(List.of("w0", "w0", "w0", "w1"), writersOfArticles());
    }

    @Test
    void aReferenceMovedAwayFromThePreviousObjectsTargetIsWritten() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Article> a = s.query(Article.class).orderBy(Article_.id.asc()).all();
            a.get(1).setWriter(a.get(3).getWriter()); // a0.1 now names w1; a0.0 before it still names w0
            a.get(3).setWriter(a.get(0).getWriter()); // and a1.1 names w0 after a1.0 named w1
            s.commit();
        }
        assertEquals(1, count("UPDATE"), "both rows in one batch: " + statements);
        assertEquals(List.of("w0", "w1", "w1", "w0"), writersOfArticles());
    }
}
