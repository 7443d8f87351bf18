package org.athanor.orm;

import static org.athanor.core.sql.Sql.select;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Sql;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.Secondary;
import org.junit.jupiter.api.BeforeEach;

/**
 * The rows both unidirectional one-to-many suites start from, and the helpers that read them back
 * ({@link UnidirectionalOneToManyTestBase}: join table; {@link JoinColumnOneToManyTestBase}: {@code @JoinColumn}):
 * owner a holds elements dune, emma (added emma first) and tags blue, red (a Set); owner b holds faust; owner c
 * nothing. A suite names its entity classes, how to make and reach them, and what its flush of the fixture must
 * have run ({@link #checkFill}).
 *
 * @param <O> the owner (shelf, folder)
 * @param <E> the element of the List collection with cascade ALL and orphanRemoval (book, doc)
 * @param <T> the element of the Set collection without cascade (tag, note)
 */
public abstract class UnidirectionalOneToManyFixture<O, E, T> extends MappedTestBase {
    static final List<String> OWNER_NAMES = List.of("a", "b", "c");
    static final List<String> ELEMENT_NAMES = List.of("dune", "emma", "faust", "gogol", "hesse");
    static final List<String> TAG_NAMES = List.of("red", "blue");

    /** The generated ids of the fixture's objects by name (tests add the ones they create). */
    Map<String, Long> ids;

    abstract O newOwner(String name);
    abstract E newElement(String title);
    abstract T newTag(String label);
    abstract List<E> elements(O owner);
    abstract Collection<T> tags(O owner);

    /** More of the suite's own fixture, added to owner {@code a} before the flush; returns those objects by name. */
    Map<String, Object> fillMore(O a) { return Map.of(); }

    /** Asserts what the fixture's commit ran ({@link #statements} holds its statements). */
    abstract void checkFill();

    @BeforeEach
    void fill() {
        try (Session s = sessions.openSession()) {
            Map<String, Object> named = new LinkedHashMap<>();
            O a = newOwner("a"), b = newOwner("b"), c = newOwner("c");
            E dune = newElement("dune"), emma = newElement("emma"), faust = newElement("faust");
            T red = newTag("red"), blue = newTag("blue");
            elements(a).add(emma);
            elements(a).add(dune);
            tags(a).add(blue);
            tags(a).add(red);
            elements(b).add(faust);
            named.putAll(Map.of("a", a, "b", b, "c", c, "dune", dune, "emma", emma, "faust", faust, "red", red, "blue", blue));
            named.putAll(fillMore(a));
            statements.clear();
            s.addAll(List.of(a, b, c));
            s.commit();
            checkFill();
            ids = new HashMap<>();
            named.forEach((name, o) -> ids.put(name, idOf(o)));
        }
        statements.clear();
    }

    @SuppressWarnings("unchecked")
    private static Long idOf(Object o) {
        ClassMapping<Object> m = (ClassMapping<Object>) ClassMapping.of(o.getClass());
        return (Long) m.accessor().get(o, m.idAttributes().get(0).index());
    }

    /**
     * The committed rows of {@code s} (a join table, or the element table's key column) as "owner:element" names, "-"
     * for a NULL owner key; ids repeat across tables, so each end is looked up among its own names.
     */
    TreeSet<String> links(Secondary s, List<String> elements) {
        TreeSet<String> out = new TreeSet<>();
        TestDb.tx(engine, c -> {
            for (var r : c.execute(select(s.local(), s.remote()).from(s.table())).all())
                out.add((r._1 == null ? "-" : name(((Number) r._1).longValue(), OWNER_NAMES)) + ":"
                        + name(((Number) r._2).longValue(), elements));
        });
        return out;
    }

    private String name(long id, List<String> among) {
        for (String n : among) if (ids.containsKey(n) && ids.get(n) == id) return n;
        return "?" + id;
    }

    long rows(Table t) {
        long[] n = new long[1];
        TestDb.tx(engine, c -> n[0] = ((Number) c.execute(select(Sql.count()).from(t)).scalar()).longValue());
        return n[0];
    }
}
