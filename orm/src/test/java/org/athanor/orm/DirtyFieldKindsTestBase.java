package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.athanor.core.schema.Column;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.dirty.Gauge;
import org.junit.jupiter.api.Test;

/**
 * The flush's dirty check through the generated accessor's in-line comparison ({@code Gauge_Accessor.differs}), on
 * loaded rows kept without states: a field set to an equal value (another String, a BigDecimal of another scale, a
 * copy of the byte array, another LocalDate) is no change; a change to any kind of field (each primitive, a boxed
 * number set to null, a byte array changed in place, an enum) is written, and only that row.
 */
public abstract class DirtyFieldKindsTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Gauge.class);
    static final Column<String> LABEL = ClassMapping.column(Gauge.class, "label", String.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    private void gauges(int n) {
        try (Session s = sessions.openSession()) {
            List<Gauge> gs = new ArrayList<>();
            for (int i = 0; i < n; i++) gs.add(new Gauge(String.format("g%02d", i)));
            s.addAll(gs);
            s.commit();
        }
    }

    private List<Gauge> load(Session s) { return s.query(Gauge.class).orderBy(LABEL).all(); }

    @Test
    void fieldsSetToEqualValuesAreNoChange() {
        gauges(1);
        try (Session s = sessions.openSession()) {
            Gauge g = load(s).get(0);
            g.setLabel(new String(g.getLabel()));
            g.setPrice(g.getPrice().setScale(g.getPrice().scale() + 2)); // 1.5000 is 1.50
            g.setData(g.getData().clone());
            g.setDay(LocalDate.of(2024, 2, 29));
            g.setBoxed(Integer.valueOf(g.getBoxed() + 0)); // 1000: another Integer
            g.setCount(g.getCount());
            statements.clear();
            s.commit();
            assertEquals(0, count("UPDATE"));
        }
    }

    @Test
    void aChangeToAnyKindOfFieldIsWrittenAndOnlyItsRow() {
        List<Consumer<Gauge>> changes = List.of(
                g -> g.setCount(2), g -> g.setTotal(10_000_000_001L), g -> g.setRatio(2.5), g -> g.setFlag(true),
                g -> g.setBoxed(null), g -> g.setLabel("g06x"), g -> g.setPrice(new BigDecimal("1.51")),
                g -> g.getData()[1] = 7, g -> g.setMode(Gauge.Mode.RUNNING), g -> g.setDay(LocalDate.of(2024, 3, 1)));
        gauges(changes.size() + 1);
        try (Session s = sessions.openSession()) {
            List<Gauge> loaded = load(s);
            for (int i = 0; i < changes.size(); i++) changes.get(i).accept(loaded.get(i + 1)); // the first row stays
            statements.clear();
            s.commit();
            assertEquals(changes.size(), count("UPDATE"));
        }
        try (Session s = sessions.openSession()) {
            List<Gauge> read = load(s);
            Gauge same = read.get(0);
            assertEquals(List.of(1, 10_000_000_000L, 1.5, false, 1000), List.of(same.getCount(), same.getTotal(), same.getRatio(), same.isFlag(), same.getBoxed()));
            assertEquals(2, read.get(1).getCount());
            assertEquals(10_000_000_001L, read.get(2).getTotal());
            assertEquals(2.5, read.get(3).getRatio());
            assertEquals(true, read.get(4).isFlag());
            assertEquals(null, read.get(5).getBoxed());
            assertEquals("g06x", read.get(6).getLabel());
            assertEquals(0, new BigDecimal("1.51").compareTo(read.get(7).getPrice()));
            assertArrayEquals(new byte[] {1, 7, 3}, read.get(8).getData());
            assertEquals(Gauge.Mode.RUNNING, read.get(9).getMode());
            assertEquals(LocalDate.of(2024, 3, 1), read.get(10).getDay());
        }
    }
}
