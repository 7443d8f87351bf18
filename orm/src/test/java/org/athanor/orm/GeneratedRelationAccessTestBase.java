package org.athanor.orm;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.RelationAccessor;
import org.athanor.orm.model.relacc.RaBook;
import org.athanor.orm.model.relacc.RaCurator;
import org.athanor.orm.model.relacc.RaNovel;
import org.athanor.orm.model.relacc.RaPlate;
import org.athanor.orm.model.relacc.RaShelf;
import org.athanor.orm.model.relacc.RaShelf_;
import org.athanor.orm.model.relacc.RaTag;
import org.junit.jupiter.api.Test;

/**
 * The relationship fields read and written through the generated accessor ({@code RelationAccessor}): every kind
 * (reference, collection, many-to-many both sides, element collection, one-to-one both sides), every way the accessor
 * reaches a field (the field itself, a VarHandle, a generic mapped superclass's field), inherited ones, loaded
 * (select-in, joined, lazy), changed and written back, then read again.
 */
public abstract class GeneratedRelationAccessTestBase extends MappedTestBase {
    static final List<Class<?>> CLASSES = List.of(RaShelf.class, RaBook.class, RaNovel.class, RaCurator.class, RaTag.class, RaPlate.class);
    static final Registry REGISTRY = Registry.of(CLASSES.toArray(Class<?>[]::new));

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Test
    void everyRelationshipIsReadThroughTheEntitysGeneratedAccessor() throws ReflectiveOperationException {
        for (Class<?> c : CLASSES) {
            ClassMapping<?> m = ClassMapping.of(c);
            RelationAccessor<?> generated = assertInstanceOf(RelationAccessor.class, m.accessor(), c.getName());
            List<Object> relations = new ArrayList<>(m.toOnes());
            relations.addAll(m.toManys());
            relations.addAll(m.inverseOnes());
            Set<String> names = new TreeSet<>();
            for (Object r : relations) {
                names.add((String) r.getClass().getMethod("name").invoke(r));
                java.lang.reflect.Field handle = r.getClass().getDeclaredField("handle");
                handle.setAccessible(true);
                assertEquals("Generated", handle.get(r).getClass().getSimpleName(), r + ": read through the generated accessor");
            }
            assertEquals(names, new TreeSet<>(generated.relationNames()), c.getName());
            assertEquals(names.size(), generated.relationNames().size(), "each once: " + generated.relationNames());
        }
    }

    /** ann curates b1; s1 holds b1 and novel n1 (edited by bob), tags t1 and t2, labels, plate p1; s2 holds b2, tag t2. */
    private void seed() {
        try (Session s = sessions.openSession()) {
            RaCurator ann = new RaCurator("ann"), bob = new RaCurator("bob");
            RaShelf s1 = new RaShelf("s1"), s2 = new RaShelf("s2");
            RaBook b1 = new RaBook("b1"), b2 = new RaBook("b2");
            RaNovel n1 = new RaNovel("n1");
            b1.setCurator(ann);
            n1.setEditor(bob);
            for (RaBook b : List.of(b1, n1)) {
                b.setShelf(s1);
                s1.getBooks().add(b);
            }
            b2.setShelf(s2);
            s2.getBooks().add(b2);
            RaTag t1 = new RaTag("t1"), t2 = new RaTag("t2");
            s1.getTags().addAll(List.of(t1, t2));
            s2.getTags().add(t2);
            s1.labels.addAll(List.of("oak", "top"));
            RaPlate p1 = new RaPlate("p1");
            p1.setShelf(s1);
            s1.setPlate(p1);
            s.addAll(List.of(ann, bob, s1, s2));
            s.commit();
        }
    }

    private static Set<String> labels(Set<RaTag> tags) {
        Set<String> out = new HashSet<>();
        for (RaTag t : tags) out.add(t.getLabel());
        return out;
    }

    @Test
    void everyKindLoadsChangesAndWritesBackThroughTheGeneratedAccessor() {
        seed();
        try (Session s = sessions.openSession()) {
            List<RaShelf> shelves = s.query(RaShelf.class).orderBy(RaShelf_.name).options(selectinLoad(RaShelf_.books)).all();
            RaShelf s1 = shelves.get(0), s2 = shelves.get(1);
            assertEquals(List.of("b1", "n1"), s1.getBooks().stream().map(RaBook::getTitle).toList());
            RaBook b1 = s1.getBooks().get(0);
            RaNovel n1 = assertInstanceOf(RaNovel.class, s1.getBooks().get(1));
            assertSame(s1, b1.getShelf());
            assertSame(s1, n1.getShelf());
            assertEquals("ann", b1.getCurator().getName());
            assertNull(n1.getCurator());
            assertEquals("bob", n1.getEditor().getName());
            assertEquals(Set.of("t1", "t2"), labels(s1.getTags()));
            RaTag t1 = s1.getTags().stream().filter(t -> t.getLabel().equals("t1")).findFirst().orElseThrow();
            assertEquals(Set.of(s1), t1.shelves);
            assertEquals(Set.of("oak", "top"), s1.labels);
            assertEquals("p1", s1.getPlate().getText());
            assertSame(s1, s1.getPlate().getShelf());
            assertNull(s2.getPlate());

            // every kind changed in memory, written by the flush from what the accessor reads
            RaCurator bob = n1.getEditor();
            n1.setShelf(s2);
            n1.setEditor(null);
            b1.setCurator(bob);
            RaPlate p1 = s1.getPlate();
            p1.setShelf(s2);
            s1.setPlate(null);
            s2.setPlate(p1);
            s2.getTags().add(t1);
            s1.labels.remove("top");
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            List<RaShelf> shelves = s.query(RaShelf.class).orderBy(RaShelf_.name).options(joinedLoad(RaShelf_.books)).all();
            RaShelf s1 = shelves.get(0), s2 = shelves.get(1);
            assertEquals(List.of("b1"), s1.getBooks().stream().map(RaBook::getTitle).toList());
            assertEquals(List.of("b2", "n1"), s2.getBooks().stream().map(RaBook::getTitle).toList());
            RaNovel n1 = assertInstanceOf(RaNovel.class, s2.getBooks().get(1));
            assertSame(s2, n1.getShelf());
            assertNull(n1.getEditor());
            assertEquals("bob", s1.getBooks().get(0).getCurator().getName());
            assertEquals(Set.of("t1", "t2"), labels(s2.getTags()));
            assertEquals(Set.of("oak"), s1.labels);
            assertNull(s1.getPlate());
            assertEquals("p1", s2.getPlate().getText());
            assertSame(s2, s2.getPlate().getShelf());
        }
    }
}
