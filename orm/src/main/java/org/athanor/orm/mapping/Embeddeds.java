package org.athanor.orm.mapping;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Id;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.Messages;

/**
 * The fields of an embeddable reached through a field of the entity, as attributes of the entity's own
 * table: an {@code @EmbeddedId} (the key's components) or an {@code @Embedded} value (SQLAlchemy's
 * composite), whose attributes are named {@code holder.field} ({@code address.city}) and whose columns
 * are named after the embeddable's fields unless {@code @AttributeOverride} renames them.
 */
final class Embeddeds {
    private Embeddeds() {}

    /** The annotations a field of an embedded value cannot carry: it holds basic columns of its owner, nothing else. */
    private static final Set<String> NOT_IN_EMBEDDED = Set.of("Id", "Version", "GeneratedValue", "SequenceGenerator",
            "ManyToOne", "OneToOne", "OneToMany", "ManyToMany", "JoinColumn", "JoinColumns", "JoinTable", "OrderBy", "PrimaryKeyJoinColumn");
    /** The jakarta.persistence annotations an @Embedded field itself may carry. */
    private static final Set<String> ON_EMBEDDED = Set.of("Embedded", "AttributeOverride", "AttributeOverrides");

    /** Whether the field holds an embedded value: {@code @Embedded}, or (as JPA) its type is {@code @Embeddable}. */
    static boolean isEmbedded(Field f) {
        return f.isAnnotationPresent(Embedded.class)
                || !f.isAnnotationPresent(EmbeddedId.class) && f.getType().isAnnotationPresent(Embeddable.class);
    }

    /** The components of the entity's {@code @EmbeddedId} {@code holder}: the key's attributes. */
    static List<FieldSpec> idSpecs(Class<?> cls, Field holder, FieldMapper mapper) {
        Class<?> type = holder.getType();
        String where = MappingException.where(cls, holder.getName());
        if (!type.isAnnotationPresent(Embeddable.class))
            throw new MappingException(where + ": the @EmbeddedId type " + type.getName() + " must be annotated @Embeddable");
        if (holder.isAnnotationPresent(Id.class))
            throw new MappingException(where + ": use either @Id or @EmbeddedId on a field, not both");
        checkHolder(holder, type, where);
        return fields(cls, holder, mapper, false);
    }

    /** The attributes of the {@code @Embedded} value {@code holder}: nullable columns of the owner's table. */
    static List<FieldSpec> embeddedSpecs(Class<?> cls, Field holder, FieldMapper mapper) {
        Class<?> type = holder.getType();
        String where = MappingException.where(cls, holder.getName());
        if (!type.isAnnotationPresent(Embeddable.class))
            throw new MappingException(where + ": " + Messages.embeddedNotEmbeddable(type.getName()));
        for (Annotation a : holder.getDeclaredAnnotations()) {
            if (!AnnotationRules.isJakarta(a.annotationType())) continue;
            String n = a.annotationType().getSimpleName(), p = AnnotationRules.problem(n, null);
            if (p == null && !ON_EMBEDDED.contains(n))
                p = "@" + n + " has no meaning on an @Embedded field; annotate the embeddable's fields, or rename their"
                        + " columns with @AttributeOverride(name = ..., column = @Column(...))";
            if (p != null) throw new MappingException(where + ": " + p);
        }
        checkHolder(holder, type, where);
        return fields(cls, holder, mapper, true);
    }

    private static void checkHolder(Field holder, Class<?> type, String where) {
        if (Modifier.isFinal(holder.getModifiers()))
            throw new MappingException(where + ": the field is final; persistent fields must be assignable");
        try {
            type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new MappingException(where + ": the @Embeddable " + type.getName() + " needs a no-arg constructor");
        }
        for (Class<?> s = type.getSuperclass(); s != null && s != Object.class; s = s.getSuperclass())
            for (Field f : s.getDeclaredFields())
                if (!FieldMapper.skipped(f))
                    throw new MappingException(where + ": " + Messages.embeddableSuperclass(type.getName(), s.getName()));
    }

    private static List<FieldSpec> fields(Class<?> cls, Field holder, FieldMapper mapper, boolean embedded) {
        Class<?> type = holder.getType();
        Map<String, Column> overrides = overrides(cls, holder, type);
        List<FieldSpec> out = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (FieldMapper.skipped(f)) continue;
            if (embedded) checkEmbeddedField(cls, holder, f);
            Column override = overrides.get(f.getName());
            out.add(mapper.map(f, holder, embedded, type, override != null ? override : f.getAnnotation(Column.class)));
        }
        if (out.isEmpty())
            throw new MappingException(MappingException.where(cls, holder.getName()) + ": the @Embeddable " + type.getName()
                    + " has no persistent fields");
        return out;
    }

    private static void checkEmbeddedField(Class<?> cls, Field holder, Field f) {
        String where = MappingException.where(cls, holder.getName() + "." + f.getName());
        if (f.isAnnotationPresent(Embedded.class) || f.isAnnotationPresent(EmbeddedId.class)
                || f.getType().isAnnotationPresent(Embeddable.class))
            throw new MappingException(where + ": " + Messages.nestedEmbedded(f.getType().getName()));
        for (Annotation a : f.getDeclaredAnnotations())
            if (AnnotationRules.isJakarta(a.annotationType()) && NOT_IN_EMBEDDED.contains(a.annotationType().getSimpleName()))
                throw new MappingException(where + ": " + Messages.notInEmbedded(a.annotationType().getSimpleName()));
    }

    /** The holder's @AttributeOverride columns by the embeddable's field name; every name must be one of its fields. */
    private static Map<String, Column> overrides(Class<?> cls, Field holder, Class<?> type) {
        Map<String, Column> out = new HashMap<>();
        AttributeOverride[] given = holder.getAnnotationsByType(AttributeOverride.class);
        if (given.length == 0) return out;
        List<String> fields = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) if (!FieldMapper.skipped(f)) fields.add(f.getName());
        String where = MappingException.where(cls, holder.getName());
        for (AttributeOverride o : given) {
            if (!fields.contains(o.name()))
                throw new MappingException(where + ": " + Messages.overrideUnknown(o.name(), type.getName(), fields));
            if (out.put(o.name(), o.column()) != null)
                throw new MappingException(where + ": " + Messages.overrideTwice(o.name()));
        }
        return out;
    }
}
