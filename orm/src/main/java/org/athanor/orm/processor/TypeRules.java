package org.athanor.orm.processor;

import java.util.List;
import java.util.Set;

/**
 * The processor's copy of the runtime mapping rules (org.athanor.orm.mapping.JavaTypes), by qualified
 * name; MappingRulesConsistencyTest fails when the two drift apart.
 */
final class TypeRules {
    private TypeRules() {}

    static final List<String> BASIC = List.of("java.lang.String", "java.lang.Boolean", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.math.BigDecimal",
            "java.math.BigInteger", "java.time.LocalDate", "java.time.LocalTime", "java.time.LocalDateTime",
            "java.time.OffsetDateTime", "java.time.Instant", "java.util.UUID", "byte[]");

    static final Set<String> ID_TYPES = Set.of("java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.String", "java.util.UUID", "java.math.BigInteger", "java.time.LocalDate");

    static final Set<String> INTEGRAL = Set.of("java.lang.Short", "java.lang.Integer", "java.lang.Long");

    static final Set<String> VERSION_TYPES = Set.of("java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.time.LocalDateTime", "java.time.OffsetDateTime", "java.time.Instant");

    static final String SUPPORTED = "String, boolean, short, int, long, float, double (and their wrapper classes), "
            + "BigDecimal, BigInteger, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, UUID, byte[], "
            + "enums, or any type with @Convert(converter = ...)";

    static String simple(Set<String> qualified) {
        return qualified.stream().map(q -> q.substring(q.lastIndexOf('.') + 1)).sorted().toList().toString();
    }

    /** The runtime's default column/table naming (org.athanor.orm.mapping.Naming): Spring's camelCase rule. */
    static String snakeCase(String name) {
        StringBuilder b = new StringBuilder(name.replace('.', '_'));
        for (int i = 1; i < b.length() - 1; i++) {
            if (Character.isLowerCase(b.charAt(i - 1)) && Character.isUpperCase(b.charAt(i))
                    && Character.isLowerCase(b.charAt(i + 1))) {
                b.insert(i++, '_');
            }
        }
        return b.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
