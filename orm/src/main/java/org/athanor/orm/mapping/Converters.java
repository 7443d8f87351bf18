package org.athanor.orm.mapping;

import jakarta.persistence.AttributeConverter;
import java.lang.reflect.Constructor;
import org.athanor.core.type.SqlType;
import org.athanor.orm.internal.mapping.OpenPackages;
import org.athanor.orm.rules.check.ConverterChecks;
import org.athanor.orm.rules.check.TypeView;

/** Turns a JPA {@link AttributeConverter} into a Core {@code SqlType.converted} over the database-side type. */
final class Converters {
    private Converters() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static SqlType<?> type(Class<? extends AttributeConverter> converterClass, Class<?> fieldType, int length,
                           int precision, int scale, String where) {
        // the checks shared with the processor (ConverterChecks)
        String p = ConverterChecks.problem(ReflectionViews.type(converterClass), ReflectionViews.type(fieldType));
        if (p != null) throw new MappingException(where + ": " + p);
        TypeView y = ReflectionViews.type(converterClass).typeArguments(AttributeConverter.class.getName()).get(1);
        Class<?> dbType = JavaTypes.box(ReflectionViews.classOf(y));
        SqlType base = JavaTypes.basicType(dbType, length, precision, scale, false);
        AttributeConverter converter = instantiate(converterClass, where);
        return SqlType.converted(base, (Class) fieldType, converter::convertToDatabaseColumn, converter::convertToEntityAttribute);
    }

    private static AttributeConverter<?, ?> instantiate(Class<? extends AttributeConverter> c, String where) {
        OpenPackages.require(c, where + ": converter");
        try {
            Constructor<? extends AttributeConverter> k = c.getDeclaredConstructor();
            k.setAccessible(true);
            return k.newInstance();
        } catch (NoSuchMethodException e) {
            throw new MappingException(where + ": converter " + c.getName() + " needs a no-arg constructor", e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException(where + ": cannot instantiate converter " + c.getName() + ": " + e, e);
        }
    }
}
