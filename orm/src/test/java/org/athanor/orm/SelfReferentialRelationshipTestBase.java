package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Sql;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.rel.Employee;
import org.athanor.orm.model.rel.Employee_;
import org.junit.jupiter.api.Test;

/**
 * A self-referential adjacency list (Employee.manager / Employee.reports) on every database: new rows
 * referencing new rows of the same table in one flush (inserted level by level with the generated
 * keys), a cycle of new rows broken by a post-update, and loading both ways with exact statement counts.
 */
public abstract class SelfReferentialRelationshipTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Employee.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    boolean emptyAfterAll() {
        return true;
    }

    @Override
    void deleteRows(Connection c) {
        Table t = ClassMapping.of(Employee.class).table();
        @SuppressWarnings("unchecked") Column<Long> manager = (Column<Long>) t.column("manager_id");
        // MariaDB checks a self-referencing key row by row, also in one DELETE: unlink first
        c.execute(Sql.update(t).set(manager, (Long) null));
        c.execute(deleteFrom(t));
    }

    /** boss <- mid <- (a, b), added children first, in one flush. */
    private void seed() {
        try (Session s = sessions.openSession()) {
            Employee boss = new Employee("boss", null), mid = new Employee("mid", boss);
            s.addAll(List.of(new Employee("b", mid), new Employee("a", mid), mid, boss));
            s.commit();
        }
        statements.clear();
    }

    @Test
    void newRowsReferencingNewRowsOfTheSameTableInOneFlush() {
        try (Session s = sessions.openSession()) {
            Employee boss = new Employee("boss", null), mid = new Employee("mid", boss);
            Employee a = new Employee("a", mid), b = new Employee("b", mid);
            s.addAll(List.of(b, a, mid, boss)); // reports before their managers
            s.commit();
            assertEquals(0, count("UPDATE"), "no cycle, no post-update: " + statements);
            assertTrue(count("INSERT") >= 3, "one level per INSERT (boss; mid; a and b): " + statements);
            assertEquals(boss.getId(), mid.getManager().getId());
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            Employee boss = s.query(Employee.class).filterBy("name", "boss").one();
            assertNull(boss.getManager());
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals(List.of("mid"), boss.getReports().stream().map(Employee::getName).toList());
            assertEquals(2, count("SELECT"), statements.toString());
            Employee mid = boss.getReports().get(0);
            assertSame(boss, mid.getManager(), "from the identity map");
            assertEquals(List.of("a", "b"), mid.getReports().stream().map(Employee::getName).toList(), "@OrderBy(name)");
            assertEquals(3, count("SELECT"), statements.toString());
            for (Employee e : mid.getReports()) assertSame(mid, e.getManager());
            assertEquals(3, count("SELECT"), statements.toString());
        }
    }

    @Test
    void aWholeTreeLoadsInTwoStatementsAndSelectinLoadToo() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Employee> all = s.query(Employee.class).all();
            assertEquals(4, all.size());
            assertEquals(1, count("SELECT"), "every manager is in the result: " + statements);
            int reports = 0;
            for (Employee e : all) reports += e.getReports().size();
            assertEquals(3, reports);
            assertEquals(2, count("SELECT"), "all 4 collections in one select: " + statements);
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Employee> all = s.query(Employee.class).options(selectinLoad(Employee_.reports)).all();
            assertEquals(2, count("SELECT"), statements.toString());
            for (Employee e : all) e.getReports().size();
            assertEquals(2, count("SELECT"), statements.toString());
        }
    }

    @Test
    void joinsAndExistsOverAnEntityToItselfGoThroughAnAlias() {
        seed();
        try (Session s = sessions.openSession()) {
            org.athanor.core.schema.Table mgr = Employee_.TABLE.as("mgr");
            List<Employee> ofMid = s.query(Employee.class).join(Employee_.manager, mgr)
                    .filter(mgr.corresponding(Employee_.name).eq("mid")).orderBy(Employee_.name.asc()).all();
            assertEquals(List.of("a", "b"), ofMid.stream().map(Employee::getName).toList());
            org.athanor.core.schema.Table r = Employee_.TABLE.as("r");
            List<Employee> withoutReports = s.query(Employee.class).outerJoin(Employee_.reports, r)
                    .filter(r.corresponding(Employee_.id).isNull()).orderBy(Employee_.name.asc()).all();
            assertEquals(List.of("a", "b"), withoutReports.stream().map(Employee::getName).toList());
            assertEquals(List.of("mid"), s.query(Employee.class).filter(Employee_.reports.any(r, r.corresponding(Employee_.name).eq("a")))
                    .all().stream().map(Employee::getName).toList());
            assertEquals(List.of("boss", "mid"), s.query(Employee.class).filter(Employee_.reports.any(r))
                    .orderBy(Employee_.name.asc()).all().stream().map(Employee::getName).toList());
            assertEquals(List.of("mid"), s.query(Employee.class).filter(Employee_.manager.has(mgr, mgr.corresponding(Employee_.name).eq("boss")))
                    .all().stream().map(Employee::getName).toList());
            // the unaliased any()/has() read an anonymous alias (SelfRelationshipAnyTestBase); the unaliased join is refused
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.query(Employee.class).join(Employee_.manager));
            assertTrue(e.getMessage().contains("query.join(Employee_.manager, mgr)"), e.getMessage());
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> Employee_.manager.joinCondition(Employee_.TABLE, Employee_.TABLE));
            assertTrue(bad.getMessage().contains("different aliases of"), bad.getMessage());
        }
    }

    @Test
    void joinedLoadOfAnEntityToItselfAliasesTheTable() {
        seed();
        try (Session s = sessions.openSession()) {
            // boss -> reports (mid) -> reports (a, b), and each one's manager, in one statement
            Employee boss = s.query(Employee.class).filterBy("name", "boss")
                    .options(joinedLoad(Employee_.reports).then(joinedLoad(Employee_.reports))).one();
            assertEquals(1, count("SELECT"), statements.toString());
            Employee mid = boss.getReports().get(0);
            assertEquals("mid", mid.getName());
            assertSame(boss, mid.getManager());
            assertEquals(List.of("a", "b"), mid.getReports().stream().map(Employee::getName).toList(), "@OrderBy(name)");
            for (Employee e : mid.getReports()) assertSame(mid, e.getManager());
            assertEquals(1, count("SELECT"), "nothing more on access: " + statements);
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Employee> all = s.query(Employee.class).options(joinedLoad(Employee_.manager))
                    .orderBy(Employee_.name.asc()).all();
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals(List.of("a", "b", "boss", "mid"), all.stream().map(Employee::getName).toList());
            assertEquals("mid", all.get(0).getManager().getName());
            assertNull(all.get(2).getManager());
            List<Employee> two = s.query(Employee.class).options(joinedLoad(Employee_.reports))
                    .orderBy(Employee_.name.desc()).limit(2).all();
            assertEquals(List.of("mid", "boss"), two.stream().map(Employee::getName).toList());
            assertEquals(2, two.get(0).getReports().size());
            assertEquals(2, count("SELECT"), statements.toString());
        }
    }

    @Test
    void aCycleOfNewRowsIsBrokenWithAPostUpdate() {
        Long xId, yId;
        try (Session s = sessions.openSession()) {
            Employee x = new Employee("x", null), y = new Employee("y", x);
            x.setManager(y);
            s.addAll(List.of(x, y));
            s.commit();
            assertEquals(1, count("UPDATE"), "x inserted with manager_id NULL, then set: " + statements);
            assertSame(y, x.getManager(), "the object keeps its reference");
            xId = x.getId();
            yId = y.getId();
            statements.clear();
            s.flush();
            assertEquals(0, statements.size(), "the snapshot holds the linked key: " + statements);
        }
        try (Session s = sessions.openSession()) {
            Employee x = s.get(Employee.class, xId);
            assertEquals(yId, x.getManager().getId());
            assertSame(x, x.getManager().getManager());
        }
        try (Session s = sessions.openSession()) {
            Employee self = new Employee("self", null);
            self.setManager(self);
            s.add(self);
            s.commit();
            assertEquals(self.getId(), s.get(Employee.class, self.getId()).getManager().getId());
        }
    }

    @Test
    void addingToReportsSetsTheManager() {
        seed();
        try (Session s = sessions.openSession()) {
            Employee boss = s.query(Employee.class).filterBy("name", "boss").one();
            Employee c = new Employee("c", null);
            boss.getReports().add(c);
            assertSame(boss, c.getManager());
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            Employee boss = s.query(Employee.class).filterBy("name", "boss").one();
            assertEquals(List.of("c", "mid"), boss.getReports().stream().map(Employee::getName).toList());
        }
    }
}
