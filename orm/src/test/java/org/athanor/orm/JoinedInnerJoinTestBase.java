package org.athanor.orm;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.athanor.orm.model.rel.Article;
import org.athanor.orm.model.rel.Article_;
import org.athanor.orm.model.rel.Writer;
import org.athanor.orm.model.rel.Writer_;
import org.athanor.orm.model.m2m.Course;
import org.athanor.orm.model.m2m.Student;
import org.athanor.orm.model.m2m.Student_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code joinedLoad(...).innerJoin()} (SQLAlchemy's {@code joinedload(..., innerjoin=True)}): an INNER JOIN instead of
 * the LEFT OUTER JOIN, so objects without a related row disappear; below an outer-joined option it stays a LEFT OUTER
 * JOIN (SQLAlchemy's {@code innerjoin="unnested"}), so it never drops what the outer join kept.
 */
public abstract class JoinedInnerJoinTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Writer.class, Article.class, Student.class, Course.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    boolean emptyAfterAll() {
        return true;
    }

    /** Adds Ann: "A1" (edited by Bo), "A2" (no editor); Bo: "B1" (no editor); Cy: no articles (JoinedStatementCacheTestBase too). */
    static void addWriters(Session s) {
        Writer ann = new Writer("Ann"), bo = new Writer("Bo"), cy = new Writer("Cy");
        Article a1 = new Article("A1", ann);
        a1.setEditor(bo);
        ann.getArticles().add(a1);
        ann.getArticles().add(new Article("A2", ann));
        bo.getArticles().add(new Article("B1", bo));
        s.addAll(List.of(ann, bo, cy));
    }

    /** Ann: "A1" (edited by Bo), "A2" (no editor); Bo: "B1" (no editor); Cy: no articles. Sam takes Math; Tia nothing. */
    @BeforeEach
    void writers() {
        try (Session s = sessions.openSession()) {
            addWriters(s);
            Student sam = new Student("Sam");
            Course math = new Course("Math");
            sam.getCourses().add(math);
            s.addAll(List.of(sam, new Student("Tia"), math));
            s.commit();
        }
        statements.clear();
    }

    /** The joins of the load's first statement (the query's own), in order: "LEFT" or "INNER" per joined table. */
    private List<String> joins() { return joinKinds(statements.get(0)); }

    /** The joins of {@code sql}, in order: "LEFT" or "INNER" and the joined table (quotes dropped). */
    static List<String> joinKinds(String sql) {
        sql = sql.toUpperCase(Locale.ROOT);
        List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(LEFT OUTER JOIN|(?<!OUTER )JOIN) (\\S+)").matcher(sql);
        while (m.find()) out.add((m.group(1).startsWith("LEFT") ? "LEFT " : "INNER ") + m.group(2).replace("`", "").replace("\"", ""));
        return out;
    }

    private static List<String> names(List<Writer> ws) { return ws.stream().map(Writer::getName).toList(); }

    private static List<String> titles(Writer w) { return w.getArticles().stream().map(Article::getTitle).toList(); }

    @Test
    void anInnerJoinedCollectionLeavesOutTheObjectsWithoutElements() {
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).options(joinedLoad(Writer_.articles).innerJoin()).orderBy(Writer_.name).all();
            assertEquals(List.of("INNER REL_ARTICLE"), joins());
            assertEquals(List.of("Ann", "Bo"), names(ws), "Cy has no articles: no row under an inner join");
            assertEquals(List.of("A2", "A1"), titles(ws.get(0)), "@OrderBy title DESC");
            assertEquals(List.of("B1"), titles(ws.get(1)));
            assertEquals(1, statements.size(), "the collections came with the query");
        }
    }

    @Test
    void anInnerJoinedReferenceReadsExactlyThisStatement() {
        try (Session s = sessions.openSession()) {
            s.query(Article.class).options(joinedLoad(Article_.editor).innerJoin()).orderBy(Article_.title).all();
            assertEquals("SELECT rel_article.id, rel_article.title, rel_article.writer_id, rel_article.editor_id, rel_writer_1.id, "
                    + "rel_writer_1.name FROM rel_article JOIN rel_writer AS rel_writer_1 ON rel_writer_1.id = rel_article.editor_id "
                    + "ORDER BY rel_article.title", statements.get(0));
        }
    }

    @Test
    void aManyToManyInnerJoinsItsSecondaryTableAndTheElements() {
        try (Session s = sessions.openSession()) {
            List<Student> ss = s.query(Student.class).options(joinedLoad(Student_.courses).innerJoin()).orderBy(Student_.name).all();
            assertEquals(List.of("INNER M2M_STUDENT_COURSE", "INNER M2M_COURSE"), joins());
            assertEquals(List.of("Sam"), ss.stream().map(Student::getName).toList(), "Tia takes no course");
            assertEquals(List.of("Math"), ss.get(0).getCourses().stream().map(Course::getTitle).toList());
        }
    }

    @Test
    void withoutInnerJoinTheJoinIsOuterAndKeepsEveryObject() {
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).options(joinedLoad(Writer_.articles)).orderBy(Writer_.name).all();
            assertEquals(List.of("LEFT REL_ARTICLE"), joins());
            assertEquals(List.of("Ann", "Bo", "Cy"), names(ws));
            assertTrue(ws.get(2).getArticles().isEmpty());
        }
    }

    @Test
    void anInnerJoinedReferenceLeavesOutTheObjectsWithoutOne() {
        try (Session s = sessions.openSession()) {
            List<Article> as = s.query(Article.class).options(joinedLoad(Article_.editor).innerJoin()).orderBy(Article_.title).all();
            assertEquals(List.of("INNER REL_WRITER"), joins());
            assertEquals(List.of("A1"), as.stream().map(Article::getTitle).toList());
            assertEquals("Bo", as.get(0).getEditor().getName());
            assertEquals(2, statements.size(), "the required writer reference: its own batched select, as always");
        }
    }

    @Test
    void anInnerJoinBelowAnOuterJoinStaysOuter() {
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class)
                    .options(joinedLoad(Writer_.articles).then(joinedLoad(Article_.editor).innerJoin())).orderBy(Writer_.name).all();
            assertEquals(List.of("LEFT REL_ARTICLE", "LEFT REL_WRITER"), joins(), "an inner join here would drop Cy");
            assertEquals(List.of("Ann", "Bo", "Cy"), names(ws));
            assertEquals(List.of("A2", "A1"), titles(ws.get(0)), "A2 has no editor and stays");
            assertNull(ws.get(0).getArticles().get(0).getEditor());
            assertEquals("Bo", ws.get(0).getArticles().get(1).getEditor().getName());
            assertEquals(1, statements.size(), statements.toString());
        }
    }

    @Test
    void anOuterJoinBelowAnInnerJoinAndInnerJoinsChained() {
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class)
                    .options(joinedLoad(Writer_.articles).innerJoin().then(joinedLoad(Article_.editor))).orderBy(Writer_.name).all();
            assertEquals(List.of("INNER REL_ARTICLE", "LEFT REL_WRITER"), joins());
            assertEquals(List.of("Ann", "Bo"), names(ws));
            assertEquals(List.of("A2", "A1"), titles(ws.get(0)));
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class)
                    .options(joinedLoad(Writer_.articles).innerJoin().then(joinedLoad(Article_.editor).innerJoin()))
                    .orderBy(Writer_.name).all();
            assertEquals(List.of("INNER REL_ARTICLE", "INNER REL_WRITER"), joins());
            assertEquals(List.of("Ann"), names(ws), "only Ann has an article with an editor");
            assertEquals(List.of("A1"), titles(ws.get(0)), "as in SQLAlchemy, inner joins below a collection filter it");
        }
    }

    @Test
    void withALimitTheObjectsAreLimitedFirstThenInnerJoined() {
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).options(joinedLoad(Writer_.articles).innerJoin())
                    .orderBy(Writer_.name.desc()).limit(2).all();
            String sql = statements.get(0).toUpperCase(Locale.ROOT);
            assertTrue(sql.contains("LIMIT") || sql.contains("FETCH"), sql);
            assertFalse(sql.contains("LEFT OUTER JOIN"), sql);
            assertEquals(List.of("Bo"), names(ws), "the limit took Cy and Bo; Cy has no articles");
        }
    }

    @Test
    void innerJoinIsRefusedWhereThereIsNoJoin() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> selectinLoad(Writer_.articles).innerJoin());
        assertEquals("selectinLoad(Writer.articles).innerJoin(): only joinedLoad(...) joins; selectinLoad(Writer.articles) reads "
                + "its rows without a join in the query's statement", e.getMessage());
        assertEquals("joinedLoad(Writer.articles).innerJoin()", joinedLoad(Writer_.articles).innerJoin().toString());
        assertEquals("joinedLoad(Writer.articles).innerJoin()",
                joinedLoad(Writer_.articles).innerJoin().then(joinedLoad(Article_.editor)).toString().substring(0, 39),
                "then() keeps innerJoin()");
    }
}
