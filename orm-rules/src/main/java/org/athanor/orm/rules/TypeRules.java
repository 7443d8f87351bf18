package org.athanor.orm.rules;

import java.util.List;
import java.util.Set;

/**
 * The Java field types the mapping accepts, by canonical name ({@code java.lang.String}, {@code byte[]}):
 * names rather than classes because the annotation processor sees types as language-model mirrors and
 * never loads them. The runtime (org.athanor.orm.mapping.JavaTypes) derives its class sets and SQL types
 * from these lists, so the processor and the runtime cannot disagree about which fields map.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class TypeRules {
    private TypeRules() {}

    /** Basic types (boxed) mapped without a converter. */
    public static final List<String> BASIC = List.of("java.lang.String", "java.lang.Boolean", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.math.BigDecimal",
            "java.math.BigInteger", "java.time.LocalDate", "java.time.LocalTime", "java.time.LocalDateTime",
            "java.time.OffsetDateTime", "java.time.Instant", "java.util.UUID", "byte[]");

    /** Types an @Id may have: ones with value equality that make sense as keys. */
    public static final Set<String> ID_TYPES = Set.of("java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.String", "java.util.UUID", "java.math.BigInteger", "java.time.LocalDate");

    /** Types @GeneratedValue(IDENTITY or SEQUENCE) can fill. */
    public static final Set<String> INTEGRAL = Set.of("java.lang.Short", "java.lang.Integer", "java.lang.Long");

    /** Types a @Version may have: org.athanor.orm.Versions advances them (VersionsTest checks they agree). */
    public static final Set<String> VERSION_TYPES = Set.of("java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.time.LocalDateTime", "java.time.OffsetDateTime", "java.time.Instant");

    /** Said in every "unsupported type" message. */
    public static final String SUPPORTED = "String, boolean, short, int, long, float, double (and their wrapper classes), "
            + "BigDecimal, BigInteger, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, UUID, byte[], "
            + "enums, or any type with @Convert(converter = ...)";

    /** Simple names, sorted, for messages: "[Integer, Long, Short]". */
    public static String describe(Set<String> qualified) {
        return qualified.stream().map(q -> q.substring(q.lastIndexOf('.') + 1)).sorted().toList().toString();
    }
}
