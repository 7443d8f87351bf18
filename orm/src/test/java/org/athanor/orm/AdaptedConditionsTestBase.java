package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.core.schema.Table;
import org.athanor.orm.model.m2m.Course;
import org.athanor.orm.model.m2m.Course_;
import org.athanor.orm.model.m2m.Person;
import org.athanor.orm.model.m2m.Person_;
import org.athanor.orm.model.m2m.Student;
import org.athanor.orm.model.m2m.Student_;
import org.athanor.orm.model.rel.Article;
import org.athanor.orm.model.rel.Article_;
import org.athanor.orm.model.rel.Employee;
import org.athanor.orm.model.rel.Employee_;
import org.athanor.orm.model.rel.Writer;
import org.athanor.orm.model.rel.Writer_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code any(alias, ...)} / {@code has(alias, ...)} with conditions written against the target's unaliased
 * table: its columns are read through the alias (SQLAlchemy's adaptation), for a one-to-many, a reference, a
 * many-to-many and relationships of an entity to itself; the SQL names the alias, never the table, inside EXISTS.
 */
public abstract class AdaptedConditionsTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Writer.class, Article.class, Employee.class, Student.class, Course.class, Person.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    void deleteRows(org.athanor.core.engine.Connection c) {
        c.execute(org.athanor.core.sql.Sql.update(Employee_.TABLE).set(Employee_.TABLE.column("manager_id", Long.class), (Long) null));
        super.deleteRows(c);
    }

    /** w0: a0; w1: a1 (edited by w0). boss > mid > (a, b). ann: art, math; bob: math. pa follows pb. */
    @BeforeEach
    void fill() {
        try (Session s = sessions.openSession()) {
            Writer w0 = new Writer("w0"), w1 = new Writer("w1");
            Article a0 = new Article("a0", w0), a1 = new Article("a1", w1);
            a1.setEditor(w0);
            w0.getArticles().add(a0);
            w1.getArticles().add(a1);
            Employee boss = new Employee("boss", null), mid = new Employee("mid", boss);
            Employee a = new Employee("a", mid), b = new Employee("b", mid);
            Course art = new Course("art"), math = new Course("math");
            Student ann = new Student("ann"), bob = new Student("bob");
            ann.getCourses().addAll(List.of(art, math));
            bob.getCourses().add(math);
            Person pa = new Person("pa"), pb = new Person("pb");
            pa.getFollowing().add(pb);
            s.addAll(List.of(w0, w1, boss, mid, a, b, ann, bob, pa));
            s.commit();
        }
        statements.clear();
    }

    /** The last statement with an EXISTS (the query's; the batched load of references may follow it). */
    String lastSelect() {
        for (int i = statements.size() - 1; i >= 0; i--) if (statements.get(i).contains("EXISTS")) return statements.get(i);
        throw new AssertionError("no EXISTS in " + statements);
    }

    @Test
    void aOneToManyAndAReference() {
        Table art = Article_.TABLE.as("art"), author = Writer_.TABLE.as("author");
        try (Session s = sessions.openSession()) {
            List<Writer> ws = s.query(Writer.class).filter(Writer_.articles.any(art, Article_.title.eq("a1"))).all();
            assertEquals(List.of("w1"), ws.stream().map(Writer::getName).toList());
            assertTrue(lastSelect().contains("art.title = ?") && !lastSelect().contains("rel_article.title"), lastSelect());
            List<Article> as = s.query(Article.class).filter(Article_.writer.has(author, Writer_.name.eq("w0"))).all();
            assertEquals(List.of("a0"), as.stream().map(Article::getTitle).toList());
            assertTrue(lastSelect().contains("author.name = ?"), lastSelect());
            // the alias reached twice from one query: each EXISTS reads its own alias
            Table ed = Writer_.TABLE.as("ed");
            List<Article> both = s.query(Article.class).filter(Article_.writer.has(author, Writer_.name.eq("w1")))
                    .filter(Article_.editor.has(ed, Writer_.name.eq("w0"))).all();
            assertEquals(List.of("a1"), both.stream().map(Article::getTitle).toList());
        }
    }

    @Test
    void anEntityRelatedToItselfTheConditionNamesTheRelatedRow() {
        Table r = Employee_.TABLE.as("r"), mgr = Employee_.TABLE.as("mgr"), rr = Employee_.TABLE.as("rr");
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("mid"), s.query(Employee.class).filter(Employee_.reports.any(r, Employee_.name.eq("a")))
                    .all().stream().map(Employee::getName).toList());
            assertTrue(lastSelect().contains("r.name = ?") && lastSelect().contains("r.manager_id = " + Employee_.TABLE.name() + ".id"), lastSelect());
            assertEquals(List.of("a", "b"), s.query(Employee.class).filter(Employee_.manager.has(mgr, Employee_.name.eq("mid")))
                    .orderBy(Employee_.name.asc()).all().stream().map(Employee::getName).toList());
            // nested: managers with a report who has a report named b; the inner any's owner is the outer alias
            assertEquals(List.of("boss"), s.query(Employee.class)
                    .filter(Employee_.reports.any(r, Employee_.reports.any(rr, Employee_.name.eq("b")))).all()
                    .stream().map(Employee::getName).toList());
            assertTrue(lastSelect().contains("rr.manager_id = r.id"), lastSelect());
        }
    }

    @Test
    void aManyToManyAndASelfManyToMany() {
        Table c = Course_.TABLE.as("c"), p = Person_.TABLE.as("p");
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("ann"), s.query(Student.class).filter(Student_.courses.any(c, Course_.title.eq("art"))).all()
                    .stream().map(Student::getName).toList());
            assertTrue(lastSelect().contains("c.title = ?"), lastSelect());
            assertEquals(List.of("pa"), s.query(Person.class).filter(Person_.following.any(p, Person_.name.eq("pb"))).all()
                    .stream().map(Person::getName).toList());
            assertEquals(List.of("pb"), s.query(Person.class).filter(Person_.followers.any(p, Person_.name.eq("pa"))).all()
                    .stream().map(Person::getName).toList());
        }
    }
}
