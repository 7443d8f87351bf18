package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.ExecutionEvent;
import org.athanor.core.engine.ExecutionListener;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Sql;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.m2m.Person;
import org.athanor.orm.model.m2m.Person_;
import org.athanor.orm.model.rel.Employee;
import org.athanor.orm.model.rel.Employee_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unaliased {@code any(...)}/{@code has(...)} of a relationship of an entity to itself (SQLAlchemy's): the related
 * rows are read through an anonymous alias the compiler names by position ({@code anon_1}, ...), the conditions written
 * against the table name the related row, a nested use of the same relationship reads its own alias, and the same
 * statement built twice is one SQL text, the second time from the statement cache.
 */
public abstract class SelfRelationshipAnyTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Employee.class, Person.class);
    final List<ExecutionEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    void deleteRows(Connection c) {
        Table t = ClassMapping.of(Employee.class).table();
        @SuppressWarnings("unchecked") Column<Long> manager = (Column<Long>) t.column("manager_id");
        // MariaDB checks a self-referencing key row by row, also in one DELETE: unlink first
        c.execute(Sql.update(t).set(manager, (Long) null));
        c.execute(deleteFrom(t));
        super.deleteRows(c);
    }

    /** boss <- mid <- (a, b); ann follows bob and carl, bob follows carl. */
    @BeforeEach
    void seed() {
        try (Session s = sessions.openSession()) {
            Employee boss = new Employee("boss", null), mid = new Employee("mid", boss);
            s.addAll(List.of(new Employee("b", mid), new Employee("a", mid), mid, boss));
            Person ann = new Person("ann"), bob = new Person("bob"), carl = new Person("carl");
            ann.getFollowing().add(bob);
            ann.getFollowing().add(carl);
            bob.getFollowing().add(carl);
            s.addAll(List.of(ann, bob, carl));
            s.commit();
        }
        if (events.isEmpty()) engine.addExecutionListener(new ExecutionListener() {
            @Override public void finished(ExecutionEvent e) { events.add(e); }
        });
        events.clear();
        statements.clear();
    }

    List<String> employees(Session s, Expression<Boolean> condition) {
        return s.query(Employee.class).filter(condition).orderBy(Employee_.name.asc()).all().stream().map(Employee::getName).toList();
    }

    List<String> people(Session s, Expression<Boolean> condition) {
        return s.query(Person.class).filter(condition).orderBy(Person_.name.asc()).all().stream().map(Person::getName).toList();
    }

    /** The last statement with an EXISTS (the query's; the employees' managers load after it). */
    String lastExists() {
        for (int i = statements.size() - 1; i >= 0; i--) if (statements.get(i).contains("EXISTS")) return statements.get(i);
        throw new AssertionError("no EXISTS in " + statements);
    }

    @Test
    void anyAndHasReadAnAnonymousAliasAndTheConditionsNameTheRelatedRow() {
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("mid"), employees(s, Employee_.reports.any(Employee_.name.eq("a"))));
            assertTrue(lastExists().contains("EXISTS (SELECT 1 FROM rel2_employee AS anon_1 WHERE anon_1.manager_id = "
                    + "rel2_employee.id AND anon_1.name = ?)"), lastExists());
            assertEquals(List.of("boss", "mid"), employees(s, Employee_.reports.any()));
            assertEquals(List.of("a", "b"), employees(s, Employee_.manager.has(Employee_.name.eq("mid"))));
            assertTrue(lastExists().contains("EXISTS (SELECT 1 FROM rel2_employee AS anon_1 WHERE rel2_employee.manager_id = "
                    + "anon_1.id AND anon_1.name = ?)"), lastExists());
            assertEquals(List.of("boss"), employees(s, Sql.not(Employee_.manager.has())));
            // the many-to-many of Person to itself: the secondary table is read through an anonymous alias too
            assertEquals(List.of("bob", "carl"), people(s, Person_.followers.any(Person_.name.eq("ann"))));
            assertEquals(List.of("ann"), people(s, Person_.following.any(Person_.name.eq("bob"))));
            assertTrue(lastExists().contains("EXISTS (SELECT 1 FROM m2m_follow AS anon_1 JOIN m2m_person AS "
                    + "anon_2 ON anon_2.id = anon_1.followed_id WHERE anon_1.follower_id = m2m_person.id AND anon_2.name = ?)"),
                    lastExists());
        }
    }

    @Test
    void aNestedAnyOfTheSameRelationshipReadsItsOwnAlias() {
        try (Session s = sessions.openSession()) {
            // employees with a report who has a report named a: boss (boss <- mid <- a)
            assertEquals(List.of("boss"), employees(s, Employee_.reports.any(Employee_.reports.any(Employee_.name.eq("a")))));
            assertTrue(lastExists().contains("EXISTS (SELECT 1 FROM rel2_employee AS anon_1 WHERE anon_1.manager_id = "
                    + "rel2_employee.id AND EXISTS (SELECT 1 FROM rel2_employee AS anon_2 WHERE anon_2.manager_id = anon_1.id "
                    + "AND anon_2.name = ?))"), lastExists());
            assertEquals(List.of("a", "b"), employees(s, Employee_.manager.has(Employee_.manager.has(Employee_.name.eq("boss")))));
            assertEquals(List.of(), employees(s, Employee_.manager.has(Employee_.manager.has(Employee_.name.eq("mid")))));
            // people following someone who follows carl: ann (ann -> bob -> carl)
            assertEquals(List.of("ann"), people(s, Person_.following.any(Person_.following.any(Person_.name.eq("carl")))));
        }
    }

    @Test
    void theSameStatementBuiltTwiceIsOneSqlTextFromTheCacheTheSecondTime() {
        try (Session s = sessions.openSession()) {
            List<String> found = new ArrayList<>();
            for (String name : List.of("a", "mid")) {
                found.addAll(employees(s, Employee_.reports.any(Employee_.reports.any(Employee_.name.eq(name)))));
                found.addAll(people(s, Person_.followers.any(Person_.name.eq(name))));
            }
            assertEquals(List.of("boss"), found);
            assertEquals(4, events.size(), statements.toString());
            assertEquals(events.get(0).sql(), events.get(2).sql());
            assertEquals(events.get(1).sql(), events.get(3).sql());
            assertTrue(events.get(2).cached() && events.get(3).cached(), "a new anonymous alias per build, one cache entry: " + events);
        }
    }
}
