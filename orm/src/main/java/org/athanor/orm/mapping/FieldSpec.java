package org.athanor.orm.mapping;

import jakarta.persistence.GenerationType;
import java.lang.reflect.Field;
import org.athanor.core.schema.Sequence;
import org.athanor.core.type.SqlType;

/** What the builder learned about one persistent field before the table exists. */
record FieldSpec(String name, Field field, Field holder, Class<?> javaType, SqlType<?> type, String columnName,
                 boolean nullable, boolean unique, boolean id, boolean version, GenerationType generation,
                 Sequence sequence, boolean insertable, boolean updatable) {

    /** The class and field for messages: {@code com.x.User.name} or {@code com.x.Order.id.lineNo}. */
    String where(Class<?> entity) {
        return holder == null ? MappingException.where(entity, name)
                : MappingException.where(entity, holder.getName() + "." + name);
    }
}
