package org.athanor.orm.mapping;

import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.orm.rules.check.AnnotationView;
import org.athanor.orm.rules.check.EmbeddedChecks;
import org.athanor.orm.rules.check.FieldView;

/**
 * The fields of an embeddable reached through a field of the entity, as attributes of the entity's own
 * table: an {@code @EmbeddedId} (the key's components) or an {@code @Embedded} value (SQLAlchemy's
 * composite), whose attributes are named {@code holder.field} ({@code address.city}) and whose columns
 * are named after the embeddable's fields unless {@code @AttributeOverride} renames them.
 */
final class Embeddeds {
    private Embeddeds() {}

    /** Whether the field holds an embedded value: {@code @Embedded}, or (as JPA) its type is {@code @Embeddable}. */
    static boolean isEmbedded(Class<?> cls, Field f) { return EmbeddedChecks.isEmbedded(ReflectionViews.field(cls, f)); }

    /** The components of the entity's {@code @EmbeddedId} {@code holder}: the key's attributes. */
    static List<FieldSpec> idSpecs(Class<?> cls, Field holder, FieldMapper mapper) { return fields(cls, holder, mapper, false); }

    /** The attributes of the {@code @Embedded} value {@code holder}: nullable columns of the owner's table. */
    static List<FieldSpec> embeddedSpecs(Class<?> cls, Field holder, FieldMapper mapper) { return fields(cls, holder, mapper, true); }

    /** Checked by the rules shared with the processor (EmbeddedChecks), then each field mapped as a basic one. */
    private static List<FieldSpec> fields(Class<?> cls, Field holder, FieldMapper mapper, boolean embedded) {
        FieldView view = ReflectionViews.field(cls, holder);
        ReflectionViews.fail(cls, EmbeddedChecks.check(view, embedded));
        Map<String, AnnotationView> overrides = EmbeddedChecks.overrides(view);
        Class<?> type = holder.getType();
        List<FieldSpec> out = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (FieldMapper.skipped(f)) continue;
            Column override = ReflectionViews.unwrap(overrides.get(f.getName()), Column.class);
            out.add(mapper.map(f, holder, embedded, type, override != null ? override : f.getAnnotation(Column.class)));
        }
        return out;
    }
}
