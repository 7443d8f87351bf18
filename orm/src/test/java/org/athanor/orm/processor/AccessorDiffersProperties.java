package org.athanor.orm.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.athanor.orm.internal.mapping.Values;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.EntityAccessor;

/**
 * The dirty check's comparison ({@link EntityAccessor#differs(Object, int, Object)} and its snapshot form) agrees with
 * {@link Values#same} for every supported field type, in the generated accessor (which compares each field in line,
 * by its type) and in the MethodHandle fallback (the interface's default): primitives against boxed values of their own
 * and of other types, NaN and -0.0, byte arrays by content, BigDecimals of another scale, equal values that are not
 * the same object, enums with a constant body, a converted non-final type, fields of an {@code @Embedded} value, null.
 */
class AccessorDiffersProperties {
    private static final String SOURCE = """
            import jakarta.persistence.*;
            import java.math.*;
            import java.time.*;
            import java.util.UUID;
            @Entity public class Sample {
              @Id public Long id;
              public String s; int i; private long l; public short sh; boolean b; private float f; public double d;
              public Integer boxedI; private Double boxedD; public Boolean boxedB;
              public BigDecimal dec; private BigInteger big; private byte[] bytes; public LocalDate date; Instant at; public UUID uuid;
              public Color color;
              @Convert(converter = TagConverter.class) public Tag tag;
              @Embedded public Money price;
            }
            enum Color { RED, GREEN { @Override public String toString() { return "green"; } }, BLUE }
            class Tag { final String name; Tag(String n) { name = n; }
              @Override public boolean equals(Object o) { return o instanceof Tag t && t.name.equals(name); }
              @Override public int hashCode() { return name.hashCode(); } }
            @Converter class TagConverter implements AttributeConverter<Tag, String> {
              public String convertToDatabaseColumn(Tag t) { return t == null ? null : t.name; }
              public Tag convertToEntityAttribute(String s) { return s == null ? null : new Tag(s); } }
            @Embeddable class Money { BigDecimal amount; String currency; }
            """;

    private static final EntityAccessor<Object> GENERATED = accessor(true), HANDLES = accessor(false);
    /** Per accessor, per attribute (in the order of its {@code attributeNames()}): the values its field may hold. */
    private static final Map<EntityAccessor<Object>, List<Arbitrary<Object>>> FIELD_VALUES =
            Map.of(GENERATED, fieldValues(GENERATED), HANDLES, fieldValues(HANDLES));

    @SuppressWarnings("unchecked")
    private static EntityAccessor<Object> accessor(boolean process) {
        String pkg = process ? "differs.generated" : "differs.handles";
        TestJavac.Result r = TestJavac.compile(Map.of(pkg + ".Sample", "package " + pkg + ";\n" + SOURCE), process);
        assertTrue(r.success(), () -> r.errors().toString());
        EntityAccessor<Object> a = ClassMapping.of((Class<Object>) r.load(pkg + ".Sample")).accessor();
        assertEquals(process ? pkg + ".Sample_Accessor" : "org.athanor.orm.mapping.ReflectiveAccessor", a.getClass().getName());
        return a;
    }

    private static List<Arbitrary<Object>> fieldValues(EntityAccessor<Object> accessor) {
        Map<String, Arbitrary<?>> byName = new java.util.HashMap<>();
        Arbitrary<String> strings = Arbitraries.of("", "a", "b", "ab");
        byName.put("id", Arbitraries.of(1L, 2L, 1000L, 1001L));
        byName.put("s", strings);
        byName.put("i", Arbitraries.of(0, 1, -1, 1000));
        byName.put("l", Arbitraries.of(0L, 1L, 1000L, Long.MIN_VALUE));
        byName.put("sh", Arbitraries.of((short) 0, (short) 1, (short) 1000));
        byName.put("b", Arbitraries.of(true, false));
        byName.put("f", Arbitraries.of(0f, -0f, Float.NaN, 1.5f));
        byName.put("d", Arbitraries.of(0d, -0d, Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L), 1.5d));
        byName.put("boxedI", Arbitraries.of(0, 1, 1000));
        byName.put("boxedD", Arbitraries.of(0d, -0d, Double.NaN, 1.5d));
        byName.put("boxedB", Arbitraries.of(true, false));
        byName.put("dec", Arbitraries.of(new BigDecimal("1.0"), new BigDecimal("1.00"), new BigDecimal("2"), BigDecimal.ZERO));
        byName.put("big", Arbitraries.of(BigInteger.ONE, BigInteger.TEN, new BigInteger("123456789012345678901234567890")));
        byName.put("bytes", Arbitraries.of(new byte[0], new byte[] {1}, new byte[] {1, 2}));
        byName.put("date", Arbitraries.of(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)));
        byName.put("at", Arbitraries.of(Instant.ofEpochSecond(0), Instant.ofEpochSecond(1_700_000_000L)));
        byName.put("uuid", Arbitraries.of(new UUID(1, 2), new UUID(1, 3)));
        byName.put("color", Arbitraries.of(load(accessor, "Color").getEnumConstants()));
        byName.put("tag", Arbitraries.of("x", "y").map(name -> tag(accessor, name)));
        byName.put("price.amount", Arbitraries.of(new BigDecimal("5.0"), new BigDecimal("5.00"), BigDecimal.ONE));
        byName.put("price.currency", strings);
        List<Arbitrary<Object>> out = new ArrayList<>();
        for (String name : accessor.attributeNames()) {
            Arbitrary<?> a = byName.get(name);
            if (a == null) throw new IllegalStateException("no values for attribute " + name + " of " + accessor.attributeNames());
            boolean primitive = List.of("i", "l", "sh", "b", "f", "d").contains(name);
            out.add(primitive ? a.map(x -> (Object) x) : Arbitraries.oneOf(a.map(x -> (Object) x), Arbitraries.just(null)));
        }
        return out;
    }

    /** A class of the accessor's compilation (its entity's package and class loader). */
    private static Class<?> load(EntityAccessor<Object> accessor, String simple) {
        try {
            return Class.forName(accessor.entityClass().getPackageName() + "." + simple, true, accessor.entityClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object tag(EntityAccessor<Object> accessor, String name) {
        try {
            var c = load(accessor, "Tag").getDeclaredConstructor(String.class);
            c.setAccessible(true);
            return c.newInstance(name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An equal value that is another object (a BigDecimal: another scale, equal by value only), where the type has one. */
    private static Object copy(Object v) {
        if (v instanceof String s) return new String(s);
        if (v instanceof Long l) return Long.valueOf(l.longValue() + 0);
        if (v instanceof Double d) return Double.valueOf(Double.longBitsToDouble(Double.doubleToRawLongBits(d)));
        if (v instanceof Float f) return Float.valueOf(f.floatValue());
        if (v instanceof byte[] b) return b.clone();
        if (v instanceof BigDecimal d) return d.setScale(d.scale() + 1);
        if (v instanceof BigInteger i) return new BigInteger(i.toByteArray());
        if (v instanceof Instant t) return Instant.ofEpochSecond(t.getEpochSecond());
        if (v instanceof UUID u) return new UUID(u.getMostSignificantBits(), u.getLeastSignificantBits());
        return v;
    }

    /** An accessor, an attribute, a value for its field, and the snapshot value it is compared with. */
    record Case(EntityAccessor<Object> accessor, int attribute, Object field, Object snapshot) {
        @Override public String toString() {
            return accessor.getClass().getSimpleName() + " " + accessor.attributeNames().get(attribute) + ": " + show(field) + " vs " + show(snapshot);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(GENERATED, HANDLES).flatMap(a -> {
            List<Arbitrary<Object>> values = FIELD_VALUES.get(a);
            int n = values.size();
            return Arbitraries.integers().between(0, n - 1).flatMap(i -> values.get(i).flatMap(v -> {
                Arbitrary<Object> other = Arbitraries.oneOf(values.get(i),
                        Arbitraries.integers().between(0, n - 1).flatMap(values::get), // a value of another type
                        Arbitraries.just(v), Arbitraries.just(copy(v)), Arbitraries.just(null));
                return other.map(o -> new Case(a, i, v, o));
            }));
        });
    }

    @Property(tries = 3000)
    void generatedAndDefaultComparisonsAgreeWithSameValue(@ForAll("cases") Case c) {
        EntityAccessor<Object> a = c.accessor();
        Object e = a.newInstance();
        a.set(e, c.attribute(), c.field());
        boolean expected = !Values.same(a.get(e, c.attribute()), c.snapshot());
        assertEquals(expected, a.differs(e, c.attribute(), c.snapshot()), c.toString());
        Object[] snapshot = new Object[a.attributeNames().size() + 1]; // a snapshot has its references' slots after
        a.getAll(e, snapshot);
        snapshot[c.attribute()] = c.snapshot();
        assertEquals(expected, a.differs(e, snapshot), c + " (the snapshot form)");
    }

    private static String show(Object v) {
        return v == null ? "null" : (v instanceof byte[] b ? java.util.Arrays.toString(b) : v.toString()) + " (" + v.getClass().getSimpleName() + ")";
    }
}
