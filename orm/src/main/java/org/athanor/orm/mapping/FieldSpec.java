package org.athanor.orm.mapping;

import jakarta.persistence.GenerationType;
import java.lang.reflect.Field;
import org.athanor.core.schema.Sequence;
import org.athanor.core.type.SqlType;

/**
 * What the builder learned about one persistent field before the table exists. {@code holder} is the
 * {@code @EmbeddedId} or @Embedded field it is reached through ({@code embedded} for the latter, whose
 * attribute is named {@code holder.field}); {@code ddlType} is @Column(columnDefinition), or null.
 */
record FieldSpec(String name, Field field, Field holder, boolean embedded, Class<?> javaType, SqlType<?> type,
                 String columnName, String ddlType, boolean nullable, boolean unique, boolean id, boolean version, GenerationType generation,
                 Sequence sequence, boolean insertable, boolean updatable) {

    /** The class and field for messages: {@code com.x.User.name} or {@code com.x.Order.id.lineNo}. */
    String where(Class<?> entity) {
        return holder == null ? MappingException.where(entity, name)
                : MappingException.where(entity, holder.getName() + "." + field.getName());
    }
}
