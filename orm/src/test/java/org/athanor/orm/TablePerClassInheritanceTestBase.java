package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.athanor.core.sql.Sql.select;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.sql.Sql;
import org.athanor.orm.model.tpc.Canvas;
import org.athanor.orm.model.tpc.Canvas_;
import org.athanor.orm.model.tpc.Circle;
import org.athanor.orm.model.tpc.Circle_;
import org.athanor.orm.model.tpc.Polygon;
import org.athanor.orm.model.tpc.Polygon_;
import org.athanor.orm.model.tpc.Shape;
import org.athanor.orm.model.tpc.Shape_;
import org.athanor.orm.model.tpc.Square;
import org.athanor.orm.model.tpc.Square_;
import org.junit.jupiter.api.Test;

/**
 * Concrete-table (TABLE_PER_CLASS) inheritance on every database: Shape (abstract) → Circle, Polygon →
 * Square, each class a full table of its own. Rows are written to their class's table only; a polymorphic
 * query is one SELECT over a UNION ALL of the tables; a leaf's query reads its table alone.
 */
public abstract class TablePerClassInheritanceTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Canvas.class, Shape.class, Circle.class, Polygon.class, Square.class);

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
        for (Class<?> t : List.of(Circle.class, Polygon.class, Square.class, Shape.class, Canvas.class))
            c.execute(deleteFrom(REGISTRY.table(t)));
    }

    void seed() {
        try (Session s = sessions.openSession()) {
            Canvas art = new Canvas(1, "art");
            Circle sun = new Circle(10, "sun", 5.0);
            Polygon tri = new Polygon(11, "tri", 3);
            Square box = new Square(12, "box", 2.0);
            for (Shape x : List.of(sun, tri, box)) x.canvas = art;
            s.addAll(List.of(art, sun, tri, box));
            s.commit();
        }
        statements.clear();
    }

    @Test
    void eachRowIsWrittenToItsOwnClassTableOnly() {
        seed();
        try (var c = engine.connect()) {
            for (Object[] expect : new Object[][] {{Shape.class, 0L}, {Circle.class, 1L}, {Polygon.class, 1L}, {Square.class, 1L}})
                assertEquals(expect[1], c.execute(select(Sql.count()).from(REGISTRY.table((Class<?>) expect[0]))).scalar(),
                        ((Class<?>) expect[0]).getSimpleName());
            assertEquals("box", c.execute(select(Square_.name).from(REGISTRY.table(Square.class))).scalar(),
                    "the inherited attributes are columns of the subclass's own table");
        }
    }

    @Test
    void aPolymorphicQueryIsOneSelectOverAUnionAll() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Shape> all = s.query(Shape.class).orderBy(Shape_.name.asc()).all();
            assertEquals(List.of("box", "sun", "tri"), all.stream().map(x -> x.name).toList());
            assertEquals(2, count("SELECT"), "the shapes (one UNION ALL), their canvas: " + statements);
            assertTrue(statements.get(0).contains("UNION ALL"), statements.get(0));
            Square box = assertInstanceOf(Square.class, all.get(0));
            assertEquals(2.0, box.side);
            assertEquals(4, box.sides);
            assertEquals(5.0, assertInstanceOf(Circle.class, all.get(1)).radius);
            assertEquals(Polygon.class, all.get(2).getClass());
            assertSame(all.get(0).canvas, all.get(1).canvas);
            assertEquals("sun", s.query(Shape.class).filter(Shape_.name.eq("sun")).one().name, "a base column filters the union");
            assertEquals(3, s.query(Shape.class).count());
            assertEquals(List.of("box", "tri"), s.query(Polygon.class).orderBy(org.athanor.orm.model.tpc.Polygon_.name.asc()).all()
                    .stream().map(x -> x.name).toList(), "Polygon and its subclass Square");
            statements.clear();
            assertEquals("sun", s.query(Circle.class).filter(Circle_.radius.gt(1.0)).one().name);
            assertTrue(!statements.get(0).contains("UNION"), "a leaf reads its own table: " + statements);
        }
    }

    @Test
    void getByBaseAndSubclassGiveOneIdentityAndUpdatesAndDeletesHitTheClassTable() {
        seed();
        try (Session s = sessions.openSession()) {
            Shape box = s.get(Shape.class, 12L);
            assertInstanceOf(Square.class, box);
            assertSame(box, s.get(Polygon.class, 12L));
            assertNull(s.get(Circle.class, 12L));
            ((Square) box).side = 3.0;
            box.name = "crate";
            statements.clear();
            s.flush();
            assertEquals(1, count("UPDATE"), statements.toString());
            assertTrue(statements.stream().anyMatch(x -> x.startsWith("UPDATE inh_square")), statements.toString());
            s.delete(s.get(Shape.class, 10L));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertEquals(3.0, s.get(Square.class, 12L).side);
            assertNull(s.get(Shape.class, 10L));
            assertEquals(2, s.query(Shape.class).count());
        }
    }

    @Test
    void aCollectionOfTheBaseReadsEveryTable() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Canvas> canvases = s.query(Canvas.class).options(selectinLoad(Canvas_.shapes)).all();
            statements.clear();
            assertEquals(List.of("box", "sun", "tri"), canvases.get(0).shapes.stream().map(x -> x.name).toList());
            assertEquals(0, count("SELECT"));
            canvases.get(0).shapes.add(new Circle(13, "moon", 1.0));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            Canvas art = s.get(Canvas.class, 1L);
            statements.clear();
            assertEquals(4, art.shapes.size());
            assertEquals(1, count("SELECT"), statements.toString());
        }
    }

    @Test
    void aPolymorphicQueryFiltersOnASubclassOnlyColumnAndExcludesTheOtherClasses() {
        seed();
        try (Session s = sessions.openSession()) {
            statements.clear();
            List<Shape> big = s.query(Shape.class).filter(Circle_.radius.gt(2.0)).all();
            assertEquals(List.of("sun"), big.stream().map(x -> x.name).toList());
            assertEquals(5.0, assertInstanceOf(Circle.class, big.get(0)).radius);
            assertEquals(2, count("SELECT"), "the union with the criterion, the canvas: " + statements);
            assertTrue(statements.get(0).contains("UNION ALL"), statements.get(0));
            assertEquals(List.of(), s.query(Shape.class).filter(Circle_.radius.gt(6.0)).all());
            // a column of a class with a subclass of its own: Polygon_.sides matches the Square (4 sides) too
            assertEquals(List.of("box"), s.query(Shape.class).filter(Polygon_.sides.gt(3)).all().stream().map(x -> x.name).toList());
            assertEquals(List.of("box", "tri"), s.query(Shape.class).filter(Polygon_.sides.ge(3)).orderBy(Shape_.name.asc()).all()
                    .stream().map(x -> x.name).toList());
            assertEquals(List.of("box"), s.query(Polygon.class).filter(Square_.side.eq(2.0)).all().stream().map(x -> x.name).toList(),
                    "a subclass's column under a non-root query");
            assertEquals(1, s.query(Shape.class).filter(Shape_.name.startsWith("s"), Circle_.radius.lt(9.0)).count(),
                    "a base column and a subclass column, one condition each");
            assertEquals(0, s.query(Shape.class).filter(Shape_.name.eq("tri"), Circle_.radius.lt(9.0)).count());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Shape.class).filter(Sql.or(Shape_.name.eq("tri"), Circle_.radius.gt(1.0))));
            assertTrue(e.getMessage().contains("several classes") && e.getMessage().contains("one condition per class"), e.getMessage());
        }
    }

    @Test
    void joinedLoadIntoATablePerClassHierarchyIsRefusedNamingSelectinLoad() {
        seed();
        try (Session s = sessions.openSession()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Canvas.class).options(Loaders.joinedLoad(Canvas_.shapes)).all());
            assertTrue(e.getMessage().contains("TABLE_PER_CLASS") && e.getMessage().contains("selectinLoad(Canvas.shapes)"), e.getMessage());
        }
    }
}
