package org.athanor.orm;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Table;
import org.athanor.orm.model.rel.Employee;
import org.athanor.orm.model.rel.Employee_;
import org.junit.jupiter.api.Test;

/**
 * The engine's statement cache serves ORM queries over aliases: a query joining {@code Employee_.TABLE.as("mgr")},
 * an {@code any(r, ...)} EXISTS over an alias and a joined eager load of a self-reference (aliased by the loader) are
 * built anew each time, with fresh alias objects, and the second run compiles nothing.
 */
public abstract class AliasedQueryCacheTestBase extends MappedTestBase {
    @Override
    Registry registry() {
        return SelfReferentialRelationshipTestBase.REGISTRY;
    }

    @Override
    boolean emptyAfterAll() {
        return true;
    }

    @Override
    void deleteRows(Connection c) {
        Table t = Employee_.TABLE;
        @SuppressWarnings("unchecked") org.athanor.core.schema.Column<Long> manager = (org.athanor.core.schema.Column<Long>) t.column("manager_id");
        // MariaDB checks a self-referencing key row by row, also in one DELETE: unlink first
        c.execute(org.athanor.core.sql.Sql.update(t).set(manager, (Long) null));
        c.execute(org.athanor.core.sql.Sql.deleteFrom(t));
    }

    /** The aliased queries, each with aliases made for this run; returns what they found. */
    private List<Object> aliasedQueries(String managerName) {
        try (Session s = sessions.openSession()) {
            Table mgr = Employee_.TABLE.as("mgr");
            List<String> ofManager = s.query(Employee.class).join(Employee_.manager, mgr)
                    .filter(mgr.corresponding(Employee_.name).eq(managerName)).orderBy(Employee_.name.asc()).all()
                    .stream().map(Employee::getName).toList();
            Table r = Employee_.TABLE.as("r");
            List<String> withReportA = s.query(Employee.class).filter(Employee_.reports.any(r, r.corresponding(Employee_.name).eq("a")))
                    .all().stream().map(Employee::getName).toList();
            List<String> reportsOfBoss = s.query(Employee.class).options(joinedLoad(Employee_.reports)).filterBy("name", "boss").one()
                    .getReports().stream().map(Employee::getName).toList();
            return List.of(ofManager, withReportA, reportsOfBoss);
        }
    }

    @Test
    void aliasedQueriesRunTwiceAreCompiledOnce() {
        try (Session s = sessions.openSession()) {
            Employee boss = new Employee("boss", null), mid = new Employee("mid", boss);
            s.addAll(List.of(boss, mid, new Employee("a", mid), new Employee("b", mid)));
            s.commit();
        }
        assertEquals(List.of(List.of("a", "b"), List.of("mid"), List.of("mid")), aliasedQueries("mid"));
        long misses = engine.cacheStats().misses(), hits = engine.cacheStats().hits();
        statements.clear();
        assertEquals(List.of(List.of("mid"), List.of("mid"), List.of("mid")), aliasedQueries("boss"));
        assertEquals(misses, engine.cacheStats().misses(), "the second run compiles nothing: " + statements);
        assertEquals(hits + statements.size(), engine.cacheStats().hits(), "every statement of it comes from the cache: " + statements);
    }
}
