package org.athanor.orm.mapping;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.athanor.orm.rules.check.AnnotationView;
import org.athanor.orm.rules.check.ClassView;
import org.athanor.orm.rules.check.FieldView;
import org.athanor.orm.rules.check.MethodView;
import org.athanor.orm.rules.check.Problem;
import org.athanor.orm.rules.check.TypeView;

/**
 * The reflection side of the shared mapping checks (org.athanor.orm.rules.check): classes, fields,
 * methods, types and annotations as the checks' views, and their problems as MappingExceptions. The
 * annotation processor adapts javax.lang.model the same way, so both run one implementation of the checks.
 */
final class ReflectionViews {
    private ReflectionViews() {}

    /** {@code c} as a view; the fields' types are resolved as members of {@code c}. */
    static ClassView of(Class<?> c) { return new ClassV(c, c); }

    /** A field of {@code owner}'s hierarchy, its type resolved as a member of {@code owner}. */
    static FieldView field(Class<?> owner, Field f) { return new FieldV(owner, f); }

    /** A class (or primitive, or array) as the checks see it. */
    static TypeView type(Class<?> c) { return new TypeV(c, c.getTypeName()); }

    /** The class a type view (made here) stands for; null for an unbound type variable. */
    static Class<?> classOf(TypeView view) { return ((TypeV) view).c(); }

    /** An annotation as the checks see it (null stays null). */
    static AnnotationView annotation(Annotation a) { return a == null ? null : new AnnotationV(a); }

    /** The annotation a view (made here) stands for, or null. */
    static <A extends Annotation> A unwrap(AnnotationView view, Class<A> type) {
        return view == null ? null : type.cast(((AnnotationV) view).a());
    }

    /** Throws the problem, if any, as the entity's MappingException. */
    static void fail(Class<?> entity, Problem p) {
        if (p != null) throw MappingException.of(entity, p.field(), p.message());
    }

    private static List<AnnotationView> annotations(Annotation[] as) {
        List<AnnotationView> out = new ArrayList<>(as.length);
        for (Annotation a : as) out.add(new AnnotationV(a));
        return out;
    }

    private record ClassV(Class<?> c, Class<?> owner) implements ClassView {
        @Override public String name() { return c.getName(); }
        @Override public String simpleName() { return c.getSimpleName(); }
        @Override public Kind kind() {
            return c.isRecord() ? Kind.RECORD : c.isAnnotation() ? Kind.ANNOTATION : c.isInterface() ? Kind.INTERFACE
                    : c.isEnum() ? Kind.ENUM : Kind.CLASS;
        }
        @Override public Nesting nesting() {
            return c.isAnonymousClass() ? Nesting.ANONYMOUS : c.isLocalClass() ? Nesting.LOCAL
                    : c.isMemberClass() ? Nesting.MEMBER : Nesting.TOP_LEVEL;
        }
        @Override public boolean isAbstract() { return Modifier.isAbstract(c.getModifiers()); }
        @Override public boolean isStatic() { return Modifier.isStatic(c.getModifiers()); }
        @Override public ClassView superclass() {
            Class<?> s = c.getSuperclass();
            return s == null || s == Object.class ? null : new ClassV(s, owner);
        }
        @Override public List<FieldView> fields() {
            return Arrays.stream(c.getDeclaredFields()).map(f -> (FieldView) new FieldV(owner, f)).toList();
        }
        @Override public List<MethodView> methods() {
            return Arrays.stream(c.getDeclaredMethods()).filter(m -> !m.isSynthetic() && !m.isBridge())
                    .map(m -> (MethodView) new MethodV(m)).toList();
        }
        @Override public boolean hasNoArgConstructor() {
            return Arrays.stream(c.getDeclaredConstructors()).anyMatch(k -> k.getParameterCount() == 0);
        }
        @Override public boolean isAssignableTo(TypeView type) { return type instanceof TypeV t && t.c != null && t.c.isAssignableFrom(c); }
        @Override public List<AnnotationView> annotations() { return ReflectionViews.annotations(c.getDeclaredAnnotations()); }
    }

    private record FieldV(Class<?> owner, Field f) implements FieldView {
        @Override public String name() { return f.getName(); }
        @Override public ClassView declaringClass() { return new ClassV(f.getDeclaringClass(), owner); }
        @Override public boolean isStatic() { return Modifier.isStatic(f.getModifiers()); }
        @Override public boolean isTransient() { return Modifier.isTransient(f.getModifiers()); }
        @Override public boolean isFinal() { return Modifier.isFinal(f.getModifiers()); }
        @Override public boolean isSynthetic() { return f.isSynthetic(); }
        @Override public TypeView type() {
            return new TypeV(f.getDeclaringClass().isAssignableFrom(owner) ? GenericTypes.fieldType(owner, f) : f.getType(),
                    f.getGenericType().getTypeName());
        }
        @Override public TypeView elementType() {
            Class<?> e = GenericTypes.elementType(f);
            return e == null ? null : new TypeV(e, e.getTypeName());
        }
        @Override public List<AnnotationView> annotations() { return ReflectionViews.annotations(f.getDeclaredAnnotations()); }
    }

    private record MethodV(Method m) implements MethodView {
        @Override public String name() { return m.getName(); }
        @Override public boolean isStatic() { return Modifier.isStatic(m.getModifiers()); }
        @Override public int parameterCount() { return m.getParameterCount(); }
        @Override public TypeView firstParameter() {
            return m.getParameterCount() == 0 ? null : new TypeV(m.getParameterTypes()[0], m.getGenericParameterTypes()[0].getTypeName());
        }
        @Override public boolean returnsVoid() { return m.getReturnType() == void.class; }
        @Override public List<AnnotationView> annotations() { return ReflectionViews.annotations(m.getDeclaredAnnotations()); }
    }

    /** {@code c} null: a type variable the owner does not bind. */
    private record TypeV(Class<?> c, String display) implements TypeView {
        @Override public String name() { return c == null ? display : c.getCanonicalName() != null ? c.getCanonicalName() : c.getName(); }
        @Override public String messageName() { return c == null ? display : c.getName(); }
        @Override public boolean isPrimitive() { return c != null && c.isPrimitive(); }
        @Override public boolean isTypeVariable() { return c == null; }
        @Override public ClassView asClass() { return c == null || c.isPrimitive() || c.isArray() ? null : new ClassV(c, c); }
        @Override public boolean isAssignableTo(TypeView target) {
            return c != null && target instanceof TypeV t && t.c != null && JavaTypes.box(t.c).isAssignableFrom(JavaTypes.box(c));
        }
        @Override public List<TypeView> typeArguments(String generic) {
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass())
                for (Type t : k.getGenericInterfaces())
                    if (t instanceof ParameterizedType p && ((Class<?>) p.getRawType()).getName().equals(generic)) {
                        List<TypeView> out = new ArrayList<>();
                        for (Type a : p.getActualTypeArguments()) {
                            Class<?> e = a instanceof Class<?> x ? x : a instanceof ParameterizedType q ? (Class<?>) q.getRawType() : null;
                            if (e == null) return null; // a type variable or wildcard: not a concrete class
                            out.add(new TypeV(e, e.getTypeName()));
                        }
                        return out;
                    }
            return null;
        }
    }

    private record AnnotationV(Annotation a) implements AnnotationView {
        @Override public String type() { return a.annotationType().getName(); }
        @Override public Object value(String member) {
            Method m;
            try {
                m = a.annotationType().getMethod(member);
            } catch (NoSuchMethodException e) {
                return null;
            }
            try {
                return plain(m.invoke(a));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + type() + "." + member + ": " + e, e);
            }
        }

        private static Object plain(Object v) {
            if (v instanceof Enum<?> e) return e.name();
            if (v instanceof Class<?> c) return new TypeV(c, c.getTypeName());
            if (v instanceof Annotation n) return new AnnotationV(n);
            if (v != null && v.getClass().isArray()) {
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < Array.getLength(v); i++) out.add(plain(Array.get(v, i)));
                return out;
            }
            return v;
        }
    }
}
