package org.athanor.orm.mapping;

import jakarta.persistence.AttributeConverter;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.athanor.core.type.SqlType;
import org.athanor.orm.internal.mapping.OpenPackages;

/** Turns a JPA {@link AttributeConverter} into a Core {@code SqlType.converted} over the database-side type. */
final class Converters {
    private Converters() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static SqlType<?> type(Class<? extends AttributeConverter> converterClass, Class<?> fieldType, int length,
                           int precision, int scale, String where) {
        Class<?>[] args = typeArguments(converterClass);
        if (args == null)
            throw new MappingException(where + ": cannot tell the types of converter " + converterClass.getName()
                    + "; it must implement AttributeConverter<X, Y> with concrete classes X and Y");
        if (!JavaTypes.box(args[0]).isAssignableFrom(fieldType))
            throw new MappingException(where + ": converter " + converterClass.getName() + " converts "
                    + args[0].getName() + ", but the field is " + fieldType.getName());
        Class<?> dbType = JavaTypes.box(args[1]);
        SqlType base = JavaTypes.basicType(dbType, length, precision, scale, false);
        if (base == null)
            throw new MappingException(where + ": converter " + converterClass.getName() + " produces "
                    + dbType.getName() + ", which is not a supported column type; supported types are " + JavaTypes.SUPPORTED);
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

    /** X and Y of AttributeConverter<X, Y> as implemented by {@code c} or a superclass; null if not concrete. */
    private static Class<?>[] typeArguments(Class<?> c) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Type t : k.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == AttributeConverter.class) {
                    Type[] a = p.getActualTypeArguments();
                    Class<?> x = erase(a[0]), y = erase(a[1]);
                    return x == null || y == null ? null : new Class<?>[] {x, y};
                }
            }
        }
        return null;
    }

    /** The class of a converter's type argument; null for a type variable, which cannot be mapped. */
    private static Class<?> erase(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return null;
    }
}
