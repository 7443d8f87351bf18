package org.athanor.orm;

import static org.athanor.core.sql.Sql.and;
import static org.athanor.core.sql.Sql.not;
import static org.athanor.core.sql.Sql.or;
import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.athanor.core.error.MultipleResultsException;
import org.athanor.core.error.NoResultException;
import org.athanor.core.schema.Column;
import org.athanor.orm.mapping.MappingException;
import org.athanor.orm.model.Model;
import org.athanor.orm.model.Post;
import org.athanor.orm.model.User;
import org.athanor.orm.model.User_;
import org.athanor.orm.model.Post_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Query API, run on every database by the subclasses. */
abstract class QueryTestBase extends OrmTestBase {
    // the generated metamodel (annotation processor): typed Core columns of the mapped tables
    static final Column<Integer> AGE = User_.age;
    static final Column<String> NAME = User_.name;
    static final Column<String> EMAIL = User_.email;

    record NameAge(String name, Integer age) {}

    @BeforeEach
    void users() {
        try (Session s = sessions.openSession()) {
            s.addAll(List.of(new User("Alice", "alice@x", 31), new User("Bob", "bob@x", 25), new User("Carol", null, 40),
                    new User("Dave", "dave@x", 25), new User("Eve", "eve@x", 35)));
            s.commit();
        }
        statements.clear();
    }

    static List<String> names(List<User> users) { return users.stream().map(User::getName).toList(); }

    @Test
    void metamodelColumnsAreTheMappedTablesColumns() {
        assertSame(Model.REGISTRY.table(User.class), User_.TABLE);
        assertSame(Model.col(User.class, "age", Integer.class), User_.age);
    }

    @Test
    void filterOrderLimitOffset() {
        try (Session s = sessions.openSession()) {
            assertEquals(5, s.query(User.class).all().size());
            assertEquals(List.of("Carol", "Eve", "Alice"), names(s.query(User.class).filter(AGE.gt(30)).orderBy(AGE.desc()).all()));
            assertEquals(List.of("Alice", "Carol"),
                    names(s.query(User.class).filter(or(NAME.startsWith("A"), EMAIL.isNull())).orderBy(NAME).all()));
            assertEquals(List.of("Bob"), names(s.query(User.class).filter(and(AGE.eq(25), not(NAME.eq("Dave")))).all()));
            assertEquals(List.of("Bob", "Carol"), names(s.query(User.class).orderBy(NAME).limit(2).offset(1).all()));
            assertEquals(List.of("Dave", "Eve"), names(s.query(User.class).orderBy(NAME).offset(3).all()));
            assertEquals(List.of("Dave"), names(s.select(User.class).where(AGE.eq(25)).where(NAME.ne("Bob")).all()));
            assertEquals(2, s.query(User.class).filter(AGE.eq(25)).distinct().all().size());
        }
    }

    @Test
    void filterByNameAndUnknownAttributes() {
        try (Session s = sessions.openSession()) {
            assertEquals("bob@x", s.query(User.class).filterBy("name", "Bob").one().getEmail());
            assertEquals("Carol", s.query(User.class).filterBy("email", null).one().getName());
            assertEquals("Dave", s.query(User.class).filterBy(Map.of("age", 25, "name", "Dave")).one().getName());
            MappingException e = assertThrows(MappingException.class, () -> s.query(User.class).filterBy("nmae", "Bob"));
            assertTrue(e.getMessage().contains("nmae") && e.getMessage().contains("[id, name, email, age]"), e.getMessage());
            IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                    () -> s.query(User.class).filterBy("age", "old"));
            assertTrue(wrongType.getMessage().contains("age"), wrongType.getMessage());
        }
    }

    @Test
    void firstOneOneOrNull() {
        try (Session s = sessions.openSession()) {
            assertEquals("Alice", s.query(User.class).orderBy(NAME).first().getName());
            assertNull(s.query(User.class).filterBy("name", "Nobody").first());
            assertNull(s.query(User.class).filterBy("name", "Nobody").oneOrNull());
            assertThrows(NoResultException.class, () -> s.query(User.class).filterBy("name", "Nobody").one());
            assertThrows(MultipleResultsException.class, () -> s.query(User.class).filterBy("age", 25).one());
            assertThrows(MultipleResultsException.class, () -> s.query(User.class).filterBy("age", 25).oneOrNull());
        }
    }

    @Test
    void countExistsStreamGet() {
        try (Session s = sessions.openSession()) {
            assertEquals(5, s.query(User.class).count());
            assertEquals(2, s.query(User.class).filter(AGE.eq(25)).count());
            assertEquals(2, s.query(User.class).orderBy(NAME).limit(2).count(), "count respects limit");
            assertTrue(s.query(User.class).filter(AGE.gt(39)).exists());
            assertFalse(s.query(User.class).filter(AGE.gt(40)).exists());
            try (Stream<User> st = s.query(User.class).filter(AGE.lt(30)).orderBy(NAME).stream()) {
                assertEquals(List.of("Bob", "Dave"), st.map(User::getName).toList());
            }
            User bob = s.query(User.class).filterBy("name", "Bob").one();
            statements.clear();
            assertSame(bob, s.query(User.class).get(bob.getId()));
            assertEquals(0, statements.size());
        }
    }

    @Test
    void queriesAutoflushPendingChanges() {
        try (Session s = sessions.openSession()) {
            s.add(new User("Zed", "zed@x", 99));
            assertEquals(1, s.query(User.class).filter(AGE.eq(99)).count());
            User alice = s.query(User.class).filterBy("name", "Alice").one();
            alice.setAge(100);
            assertEquals("Alice", s.query(User.class).filter(AGE.eq(100)).one().getName());
        }
        try (Session s = sessions.autoflush(false).openSession()) {
            s.add(new User("Zed", "zed@x", 99));
            assertEquals(0, s.query(User.class).filter(AGE.eq(99)).count(), "no autoflush: the pending user is not visible");
            s.flush();
            assertEquals(1, s.query(User.class).filter(AGE.eq(99)).count());
        }
    }

    @Test
    void coreSelectsThroughTheSessionReturnTuplesAndRecords() {
        try (Session s = sessions.openSession()) {
            List<Tuple2<String, Integer>> rows = s.execute(select(NAME, AGE).where(AGE.ge(35)).orderBy(NAME)).all();
            assertEquals(List.of(Tuple.of("Carol", 40), Tuple.of("Eve", 35)), rows);
            List<NameAge> views = s.query(User.class).filter(AGE.ge(35)).orderBy(NAME).project(NameAge.class);
            assertEquals(List.of(new NameAge("Carol", 40), new NameAge("Eve", 35)), views);
            List<String> mapped = s.execute(select(NAME, AGE).where(AGE.eq(25)).orderBy(NAME)).all().stream()
                    .map(t -> new NameAge(t._1, t._2)).map(NameAge::name).toList();
            assertEquals(List.of("Bob", "Dave"), mapped);
        }
    }

    @Test
    void joinsFilterByAnotherTable() {
        try (Session s = sessions.openSession()) {
            User bob = s.query(User.class).filterBy("name", "Bob").one();
            s.add(new Post(bob.getId(), "hello"));
            s.flush();
            List<User> authors = s.query(User.class).join(Post_.TABLE).filter(Post_.title.eq("hello")).all();
            assertEquals(List.of(bob), authors);
            s.rollback();
        }
    }

    @Test
    void bulkUpdateRefreshesLoadedMatches() {
        try (Session s = sessions.openSession()) {
            User bob = s.query(User.class).filterBy("name", "Bob").one();
            User alice = s.query(User.class).filterBy("name", "Alice").one();
            alice.setEmail("new@x"); // flushed before the bulk statement
            int n = s.query(User.class).filter(AGE.eq(25)).update(Map.of(AGE, AGE.plus(1)));
            assertEquals(2, n);
            assertEquals(26, bob.getAge(), "a loaded object the criterion matched is re-read");
            assertFalse(s.isModified(bob));
            assertEquals(31, alice.getAge());
            assertFalse(s.isModified(alice), "the flush before the bulk update wrote alice's change");
            s.rollback();
            assertSame(bob, s.get(User.class, bob.getId()));
            assertEquals(25, bob.getAge(), "after the rollback bob is expired and re-read when handed out again");
            assertFalse(s.isModified(bob));
        }
        try (Session s = sessions.openSession()) {
            assertEquals(2, s.query(User.class).filter(AGE.eq(25)).count());
            assertThrows(IllegalStateException.class, () -> s.query(User.class).limit(1).update(Map.of(AGE, 1)));
            assertThrows(IllegalArgumentException.class,
                    () -> s.query(User.class).update(Map.of(Post_.title, "x")));
        }
    }

    @Test
    void bulkDeleteMarksLoadedMatchesDeleted() {
        try (Session s = sessions.openSession()) {
            User dave = s.query(User.class).filterBy("name", "Dave").one();
            assertEquals(2, s.query(User.class).filter(AGE.eq(25)).delete());
            assertEquals(ObjectState.DELETED, s.inspect(dave).state());
            s.rollback();
            assertEquals(ObjectState.PERSISTENT, s.inspect(dave).state());
            assertEquals(List.of(), s.getDeleted(), "a rolled-back bulk delete leaves nothing marked");
        }
        try (Session s = sessions.openSession()) {
            User bob = s.query(User.class).filterBy("name", "Bob").one();
            User eve = s.query(User.class).filterBy("name", "Eve").one();
            assertEquals(2, s.query(User.class).filter(AGE.eq(25)).delete());
            assertEquals(ObjectState.DELETED, s.inspect(bob).state());
            assertEquals(ObjectState.PERSISTENT, s.inspect(eve).state());
            assertNull(s.get(User.class, bob.getId()));
            s.commit();
            assertEquals(ObjectState.DETACHED, s.inspect(bob).state());
        }
        assertEquals(3, committedRows(User.class).size());
    }
}
