package org.athanor.orm.mapping;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * Derived identities (JPA 2, section 2.4.1): {@code @Id} on a {@code @ManyToOne} / owning {@code @OneToOne} of an
 * entity with an {@code @IdClass}, as an association object keyed by the pair of objects it links:
 *
 * <pre>{@code
 * @Entity @IdClass(EnrollmentId.class)
 * public class Enrollment {
 *     @Id @ManyToOne Student student;   // EnrollmentId.student is a Long (Student's id type)
 *     @Id @ManyToOne Course course;
 *     Integer grade;
 * }
 * }</pre>
 *
 * The reference's key column is NOT NULL and part of the primary key (and of its FOREIGN KEY); its value is the
 * referenced object's id, so the session's identity of an Enrollment is (student id, course id).
 */
final class DerivedIds {
    private DerivedIds() {}

    /**
     * The rules for {@code @Id} on reference {@code f} of {@code cls} (shared with the processor: KeyChecks,
     * which MappingBuilder runs before the references are mapped); {@code shared}: a single-table subclass,
     * which is in a hierarchy, so KeyChecks refuses it too.
     */
    static void check(Class<?> cls, Field f, boolean shared, String where) {
        ReflectionViews.fail(cls, org.athanor.orm.rules.check.KeyChecks.derivedId(ReflectionViews.of(cls), ReflectionViews.field(cls, f)));
    }

    /**
     * The {@code @EmbeddedId} component {@code @MapsId("name")} on reference {@code f} names, whose column the reference
     * shares (checked by the rules shared with the processor: ReferenceChecks, KeyChecks.mapsIdProblem).
     */
    static Attribute mapsId(Field f, List<Attribute> attributes) {
        String name = f.getAnnotation(jakarta.persistence.MapsId.class).value();
        return attributes.stream().filter(x -> x.isEmbeddedIdComponent() && x.name().equals(name)).findFirst().orElseThrow();
    }

    /** The derived id fields among the references of {@code cls}, for the entity's key count. */
    static List<String> names(List<Field> referenceFields) {
        List<String> out = new ArrayList<>();
        for (Field f : referenceFields) if (f.isAnnotationPresent(jakarta.persistence.Id.class)) out.add(f.getName());
        return out;
    }

    /**
     * The primary key of a table with derived ids: the entity's own id columns, then the references' key
     * columns, in declaration order; nothing to do when no reference is part of the key.
     */
    static void addPrimaryKey(Table table, List<Column<?>> ownIds, List<ToOne> toOnes) {
        List<Column<?>> pk = new ArrayList<>(ownIds);
        boolean derived = false;
        for (ToOne t : toOnes)
            for (Attribute a : t.keyAttributes())
                if (a.isId()) {
                    pk.add(a.column());
                    derived = true;
                }
        if (derived) Table.addPrimaryKey(table, pk);
    }

    /** The key attributes of the entity: its own, then the derived ones (the references' key attributes). */
    static List<Attribute> withDerived(List<Attribute> attributes, List<ToOne> toOnes) {
        List<Attribute> out = new ArrayList<>(attributes);
        for (ToOne t : toOnes) for (Attribute a : t.keyAttributes()) if (a.isId()) out.add(a);
        return out;
    }
}
