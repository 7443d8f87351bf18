package org.athanor.orm.mapping;

import static org.athanor.core.type.SqlTypes.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.athanor.core.type.SqlType;
import org.athanor.orm.rules.TypeRules;

/**
 * The Java field types the ORM maps without a converter, and their SQL types. Which types map is decided
 * once, by name, in {@link TypeRules} (shared with the annotation processor); this class adds the
 * run-time side: the classes and the SQL type of each.
 */
final class JavaTypes {
    private JavaTypes() {}

    /** Said in every "unsupported type" message. */
    static final String SUPPORTED = TypeRules.SUPPORTED;

    static final int DEFAULT_VARCHAR_LENGTH = 255;

    /** Instants are stored as TIMESTAMP WITH TIME ZONE at UTC. */
    static final SqlType<Instant> INSTANT = SqlType.converted(TIMESTAMPTZ, Instant.class,
            i -> i.atOffset(ZoneOffset.UTC), OffsetDateTime::toInstant);

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, short.class, Short.class,
            int.class, Integer.class, long.class, Long.class, float.class, Float.class, double.class, Double.class,
            byte.class, Byte.class, char.class, Character.class);

    /** Basic types (boxed), from the rules the processor shares ({@link TypeRules#BASIC}). */
    static final List<Class<?>> BASIC = classes(TypeRules.BASIC);

    /** Types an @Id may have ({@link TypeRules#ID_TYPES}). */
    static final Set<Class<?>> ID_TYPES = Set.copyOf(classes(TypeRules.ID_TYPES));

    static final Set<Class<?>> INTEGRAL = Set.copyOf(classes(TypeRules.INTEGRAL));

    /** Types a @Version may have: org.athanor.orm.Versions advances them (VersionsTest checks the lists agree). */
    static final Set<Class<?>> VERSION_TYPES = Set.copyOf(classes(TypeRules.VERSION_TYPES));

    /** Canonical names to classes; the names are JDK types (or byte[]), always loadable. */
    private static List<Class<?>> classes(java.util.Collection<String> names) {
        return names.stream().<Class<?>>map(n -> {
            if (n.equals("byte[]")) return byte[].class;
            try {
                return Class.forName(n, false, JavaTypes.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("mapping rule names a missing type " + n, e);
            }
        }).toList();
    }

    static Class<?> box(Class<?> c) { return c.isPrimitive() ? BOXES.get(c) : c; }

    static String describe(Set<Class<?>> types) {
        return types.stream().map(Class::getSimpleName).sorted().toList().toString();
    }

    /**
     * The SQL type of a basic (boxed) Java type with the @Column facets, or null if the type is not basic.
     * {@code lob} selects TEXT for strings.
     */
    static SqlType<?> basicType(Class<?> type, int length, int precision, int scale, boolean lob) {
        if (type == String.class) return lob ? TEXT : varchar(length > 0 ? length : DEFAULT_VARCHAR_LENGTH);
        if (type == BigDecimal.class) return precision > 0 ? numeric(precision, scale) : NUMERIC;
        if (type == BigInteger.class) {
            SqlType<BigDecimal> base = precision > 0 ? numeric(precision, 0) : NUMERIC;
            return SqlType.converted(base, BigInteger.class, BigDecimal::new, BigDecimal::toBigIntegerExact);
        }
        if (type == Instant.class) return INSTANT;
        if (type == Boolean.class) return BOOLEAN;
        if (type == Short.class) return SMALLINT;
        if (type == Integer.class) return INTEGER;
        if (type == Long.class) return BIGINT;
        if (type == Float.class) return REAL;
        if (type == Double.class) return DOUBLE;
        if (type == LocalDate.class) return DATE;
        if (type == LocalTime.class) return TIME;
        if (type == LocalDateTime.class) return TIMESTAMP;
        if (type == OffsetDateTime.class) return TIMESTAMPTZ;
        if (type == UUID.class) return UUID_TYPE;
        if (type == byte[].class) return BLOB;
        return null;
    }

    /** Enums by ordinal: an INTEGER column; a stored number with no constant is an error naming both. */
    static <E extends Enum<E>> SqlType<E> ordinal(Class<E> type) {
        E[] constants = type.getEnumConstants();
        return SqlType.converted(INTEGER, type, Enum::ordinal, i -> {
            if (i < 0 || i >= constants.length)
                throw new IllegalArgumentException("ordinal " + i + " read from the database is not a constant of "
                        + type.getName() + " (it has " + constants.length + ")");
            return constants[i];
        });
    }
}
