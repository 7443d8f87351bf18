package org.athanor.core.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** {@link Result#scalar(Class)}'s conversions: the value as is, or a number converted exactly. */
final class ScalarConversion {
    private ScalarConversion() {}

    private static final Map<Class<?>, Class<?>> BOXED = Map.of(byte.class, Byte.class, short.class, Short.class,
            int.class, Integer.class, long.class, Long.class, float.class, Float.class, double.class, Double.class,
            boolean.class, Boolean.class, char.class, Character.class);

    @SuppressWarnings("unchecked")
    static <T> T convert(Object value, Class<T> type, String sql) {
        if (type == null) throw new IllegalArgumentException("scalar(type): type is null");
        Class<T> target = (Class<T>) BOXED.getOrDefault(type, type);
        if (value == null) {
            if (type.isPrimitive())
                throw new NullPointerException("scalar(" + type.getName() + ".class): the value is NULL (or there is no row), which a "
                        + type.getName() + " cannot hold; ask for " + target.getSimpleName() + ".class to get null, for: " + sql);
            return null;
        }
        if (target.isInstance(value)) return target.cast(value);
        if (value instanceof Number n && Number.class.isAssignableFrom(target)) {
            try {
                Object converted = exact(decimal(n), target);
                if (converted != null) return target.cast(converted);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new ClassCastException("scalar(" + target.getSimpleName() + ".class): the value " + value + " ("
                        + value.getClass().getName() + ") does not fit in " + target.getName() + " exactly, for: " + sql);
            }
        }
        throw new ClassCastException("scalar(" + target.getSimpleName() + ".class): the value " + value + " is a "
                + value.getClass().getName() + ", not a " + target.getName()
                + (value instanceof Number ? " (numbers convert only to Byte, Short, Integer, Long, Float, Double, BigInteger, BigDecimal)" : "")
                + ", for: " + sql);
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) return d;
        if (n instanceof BigInteger i) return new BigDecimal(i);
        if (n instanceof Double || n instanceof Float) return new BigDecimal(n.toString()); // NaN/Infinity: NumberFormatException
        return BigDecimal.valueOf(n.longValue());
    }

    /** {@code d} as {@code target}, an ArithmeticException when that would lose anything; null for a Number type not known here. */
    private static Object exact(BigDecimal d, Class<?> target) {
        if (target == Long.class) return d.longValueExact();
        if (target == Integer.class) return d.intValueExact();
        if (target == Short.class) return d.shortValueExact();
        if (target == Byte.class) return d.byteValueExact();
        if (target == BigInteger.class) return d.toBigIntegerExact();
        if (target == BigDecimal.class) return d;
        if (target == Double.class) {
            double v = d.doubleValue();
            if (Double.isInfinite(v) || new BigDecimal(Double.toString(v)).compareTo(d) != 0) throw new ArithmeticException("inexact");
            return v;
        }
        if (target == Float.class) {
            float v = d.floatValue();
            if (Float.isInfinite(v) || new BigDecimal(Float.toString(v)).compareTo(d) != 0) throw new ArithmeticException("inexact");
            return v;
        }
        return null;
    }
}
