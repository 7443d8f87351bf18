package org.athanor.examples.relationships;

import static org.athanor.orm.Loaders.containsEager;
import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.selectinLoad;

import io.vavr.Tuple2;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.StatementListener;
import org.athanor.core.sql.Sql;
import org.athanor.orm.LazyLoadLimitError;
import org.athanor.orm.Registry;
import org.athanor.orm.Session;
import org.athanor.orm.SessionFactory;
import org.athanor.orm.StatementReport;

/**
 * The relationships walkthrough of the quickstart: Department/Employee both ways, Author.posts ordered by
 * id, loader options, a query joining across a relationship, an entity with a count per row, and a
 * collection filled from the query's own join (containsEager), and students and courses many-to-many
 * ({@link ManyToManyTutorial}). Each step says how many statements it
 * issued (counted with the Engine's statement listener): loading the related objects of a whole result
 * costs one statement, never one per row (no N+1).
 */
public final class RelationshipsTutorial {
    private RelationshipsTutorial() {}

    private static final AtomicInteger COUNT_UNUSED = null; // (no global state: the counter below is per run)

    public static void run(Engine engine) {
        section("ORM relationships: Department 1..* Employee, Author 1..* Post (Department_.employees, Post_.author ...)");
        Registry registry = Registry.of(Department.class, Employee.class, Author.class, Post.class);
        registry.metadata().createAll(engine);
        SessionFactory sessions = SessionFactory.of(engine, registry);
        AtomicInteger statements = new AtomicInteger();
        StatementListener counter = sql -> statements.incrementAndGet();
        engine.addStatementListener(counter);
        try {
            try (Session s = sessions.openSession()) {
                section("add through the collection: employee.department is set at once (back-population)");
                Department eng = new Department("Engineering"), sales = new Department("Sales");
                eng.getEmployees().addAll(List.of(new Employee("wendy"), new Employee("ed")));
                sales.getEmployees().add(new Employee("mary"));
                s.addAll(List.of(eng, sales)); // the employees come with them (save-update cascade)
                say("ed's department before the flush: " + eng.getEmployees().get(1).getDepartment());
                Author ann = new Author("ann"), bob = new Author("bob");
                ann.getPosts().addAll(List.of(new Post("hello"), new Post("relationships")));
                bob.getPosts().add(new Post("first post"));
                s.addAll(List.of(ann, bob));
                statements.set(0);
                s.commit();
                say("commit: " + statements.get() + " statements (one INSERT per table, parents first, with their generated keys)");
            }

            try (Session s = sessions.openSession()) {
                section("many-to-one: the employees' departments load with the result, batched");
                statements.set(0);
                List<Employee> employees = s.query(Employee.class).orderBy(Employee_.name).all();
                for (Employee e : employees) say(e + " works in " + e.getDepartment());
                say(statements.get() + " statements for " + employees.size() + " employees (employees; departments IN (...))");
            }

            try (Session s = sessions.openSession()) {
                section("one-to-many, lazy: the first access loads the collections of the whole result");
                statements.set(0);
                List<Department> departments = s.query(Department.class).orderBy(Department_.name).all();
                for (Department d : departments) say(d + ": " + d.getEmployees().stream().map(Employee::getName).toList());
                say(statements.get() + " statements for " + departments.size() + " departments (not 1 + one per department)");
            }

            section("the statement report: what a session ran, by origin, proving there was no N+1");
            // one ExecutionListener for the factory (register once at setup); raise on the 2nd lazy load of
            // one relationship in a session, so an N+1 fails instead of running
            SessionFactory reported = sessions.withStatementReport().raiseLazyLoadsOver(1);
            try (Session s = reported.openSession()) {
                for (Employee e : s.query(Employee.class).all()) e.getDepartment().getEmployees().size();
                StatementReport r = s.statementReport();
                say(r.toString());
                if (r.count("lazy load Department.employees") != 1 || r.total() != 3)
                    throw new IllegalStateException("expected 3 statements with one batched lazy load, got " + r);
                say("the departments' employee lists: 1 lazy load for the whole result, not one per department");
            }
            try (Session s = reported.openSession()) {
                List<Long> ids = s.query(Department.class).orderBy(Department_.id).all().stream().map(Department::getId).toList();
                s.expungeAll(); // each department now comes from its own get(): its own result
                s.get(Department.class, ids.get(0)).getEmployees().size();
                Department second = s.get(Department.class, ids.get(1));
                try {
                    second.getEmployees().size();
                    throw new IllegalStateException("the second lazy load should have been refused");
                } catch (LazyLoadLimitError e) {
                    say("an N+1 in the making is refused: " + e.getMessage());
                }
                say(s.statementReport().toString());
            }

            try (Session s = sessions.openSession()) {
                section("selectinLoad: the collection select runs with the query");
                statements.set(0);
                List<Department> departments = s.query(Department.class).options(selectinLoad(Department_.employees)).all();
                int n = 0;
                for (Department d : departments) n += d.getEmployees().size();
                say(n + " employees of " + departments.size() + " departments in " + statements.get() + " statements");
            }

            try (Session s = sessions.openSession()) {
                section("joinedLoad: authors and their posts (ordered by id) in one LEFT OUTER JOIN");
                statements.set(0);
                List<Author> authors = s.query(Author.class).options(joinedLoad(Author_.posts)).orderBy(Author_.name).all();
                for (Author a : authors) say(a + " wrote " + a.getPosts());
                say(statements.get() + " statement for " + authors.size() + " authors and their posts");
            }

            try (Session s = sessions.openSession()) {
                section("a query joining across a relationship: ann's posts, and authors with a post titled 'first post'");
                statements.set(0);
                List<Post> posts = s.query(Post.class).join(Post_.author).filter(Author_.name.eq("ann")).orderBy(Post_.id).all();
                say("posts of ann: " + posts + ", author " + posts.get(0).getAuthor());
                List<Author> authors = s.query(Author.class).filter(Author_.posts.any(Post_.title.eq("first post"))).all();
                say("authors with a post titled 'first post': " + authors);
                say(statements.get() + " statements (the posts joined to author; their author, found by id; the authors, by EXISTS)");
            }

            try (Session s = sessions.openSession()) {
                section("entity plus a column: each author with the number of posts (typed tuples)");
                statements.set(0);
                List<Tuple2<Author, Long>> counts = s.query(Author.class).outerJoin(Author_.posts)
                        .groupBy(Author_.id, Author_.name).orderBy(Author_.name).allWith(Sql.count(Post_.id));
                for (Tuple2<Author, Long> t : counts) say(t._1 + ": " + t._2 + " post(s)");
                say(statements.get() + " statement (GROUP BY over the outer join)");
            }

            try (Session s = sessions.openSession()) {
                section("containsEager: the collection filled from the query's own join (only the matching posts)");
                statements.set(0);
                List<Author> authors = s.query(Author.class).join(Author_.posts).filter(Post_.title.like("%post%"))
                        .options(containsEager(Author_.posts)).all();
                for (Author a : authors) say(a + " with " + a.getPosts());
                say(statements.get() + " statement");
            }
        } finally {
            engine.removeStatementListener(counter);
        }
        ManyToManyTutorial.run(engine);
    }

    private static void section(String title) { System.out.println("\n== " + title); }

    private static void say(String line) { System.out.println("   " + line); }
}
