package org.athanor.orm.mapping;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.athanor.core.schema.Sequence;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;
import org.athanor.orm.rules.Naming;
import org.athanor.orm.rules.check.AttributeChecks;

/** Maps one field's annotations to a {@link FieldSpec}; every mistake names the class and field. */
final class FieldMapper {
    private final Class<?> entity;
    private final String tableName;
    private final List<Class<?>> hierarchy;

    FieldMapper(Class<?> entity, String tableName, List<Class<?>> hierarchy) {
        this.entity = entity;
        this.tableName = tableName;
        this.hierarchy = hierarchy;
    }

    /** True for fields that are not persistent: static, transient, synthetic or @Transient. */
    static boolean skipped(Field f) {
        int m = f.getModifiers();
        return Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()
                || f.isAnnotationPresent(jakarta.persistence.Transient.class);
    }

    /** A field of the entity (or of a mapped superclass). */
    FieldSpec map(Field f, Class<?> owner) {
        return map(f, null, false, owner, f.getAnnotation(Column.class));
    }

    /**
     * A field of an embeddable reached through {@code holder}: a component of an @EmbeddedId, or of an
     * {@code @Embedded} value ({@code embedded}); {@code col} is its @Column or the holder's @AttributeOverride column.
     */
    FieldSpec map(Field f, Field holder, boolean embedded, Class<?> owner, Column col) {
        String where = holder == null ? MappingException.where(entity, f.getName())
                : MappingException.where(entity, holder.getName() + "." + f.getName());
        boolean id = holder != null && !embedded || f.isAnnotationPresent(Id.class);
        // the checks shared with the annotation processor (org.athanor.orm.rules.check.AttributeChecks)
        ReflectionViews.fail(entity, AttributeChecks.check(ReflectionViews.of(entity), ReflectionViews.field(owner, f),
                holder == null ? f.getName() : holder.getName() + "." + f.getName(), ReflectionViews.annotation(col), id));
        Class<?> raw = GenericTypes.fieldType(owner, f);
        Class<?> type = JavaTypes.box(raw);
        boolean version = f.isAnnotationPresent(Version.class);
        SqlType<?> sqlType = sqlType(f, type, col, where);

        GenerationType generation = null;
        Sequence sequence = null;
        GeneratedValue gv = f.getAnnotation(GeneratedValue.class);
        if (gv != null) {
            generation = gv.strategy() == GenerationType.SEQUENCE ? GenerationType.SEQUENCE : GenerationType.IDENTITY;
            if (generation == GenerationType.SEQUENCE) sequence = sequence(f, gv);
        }

        String columnName = col != null && !col.name().isEmpty() ? col.name() : Naming.snakeCase(f.getName());
        Basic basic = f.getAnnotation(Basic.class);
        // an embedded value may be absent (all its columns NULL), so even a primitive field's column is nullable
        boolean nullable = !(id || raw.isPrimitive() && !embedded || (col != null && !col.nullable()) || (basic != null && !basic.optional()));
        boolean unique = col != null && col.unique();
        boolean insertable = col == null || col.insertable();
        boolean updatable = !id && (col == null || col.updatable());
        String ddlType = col == null || col.columnDefinition().isEmpty() ? null : col.columnDefinition();
        return new FieldSpec(embedded ? holder.getName() + "." + f.getName() : f.getName(), f, holder, embedded, type,
                sqlType, columnName, ddlType, nullable, unique, id, version, generation, sequence, insertable, updatable);
    }

    /** The SQL type of a basic field or of an element collection's values (checked by AttributeChecks first). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    SqlType<?> sqlType(Field f, Class<?> type, Column col, String where) {
        Enumerated enumerated = f.getAnnotation(Enumerated.class);
        Convert convert = f.getAnnotation(Convert.class);
        int length = col == null ? 0 : col.length();
        int precision = col == null ? 0 : col.precision();
        int scale = col == null ? 0 : col.scale();
        if (convert != null && !convert.disableConversion())
            return Converters.type(convert.converter(), type, length, precision, scale, where);
        if (type.isEnum())
            return enumerated != null && enumerated.value() == EnumType.ORDINAL
                    ? JavaTypes.ordinal((Class) type) : SqlTypes.enumOf((Class) type);
        SqlType<?> t = JavaTypes.basicType(type, length, precision, scale, f.isAnnotationPresent(Lob.class));
        if (t == null) throw new IllegalStateException(where + ": " + type + " passed AttributeChecks.valueProblem but has no SQL type");
        return t;
    }

    /**
     * {@code @SequenceGenerator} on the field, else the one the generator name points to, else {@code <table>_seq}
     * starting at 1 (checked by AttributeChecks). It counts up by 1 whatever {@code allocationSize} says: the
     * session fetches one value per row.
     */
    private Sequence sequence(Field f, GeneratedValue gv) {
        for (SequenceGenerator g : f.getAnnotationsByType(SequenceGenerator.class))
            if (gv.generator().isEmpty() || g.name().equals(gv.generator())) return sequence(g);
        if (!gv.generator().isEmpty())
            for (Class<?> c : hierarchy)
                for (SequenceGenerator g : c.getAnnotationsByType(SequenceGenerator.class))
                    if (g.name().equals(gv.generator())) return sequence(g);
        return Sequence.of(tableName + "_seq");
    }

    private static Sequence sequence(SequenceGenerator g) {
        return Sequence.of(!g.sequenceName().isEmpty() ? g.sequenceName() : g.name()).startWith(g.initialValue());
    }
}
