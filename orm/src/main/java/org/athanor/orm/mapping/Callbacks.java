package org.athanor.orm.mapping;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.ExcludeSuperclassListeners;
import org.athanor.orm.internal.mapping.OpenPackages;
import org.athanor.orm.rules.AnnotationRules;

/**
 * An entity's Jakarta lifecycle callbacks ({@code @PrePersist} ... {@code @PostLoad}): methods of its
 * {@code @EntityListeners} classes, then methods of the entity class and its {@code @MappedSuperclass}es,
 * superclass methods first (JPA's order). An entity
 * without callbacks has none ({@link #of(Class)} is null), so the session pays one null check per object.
 * Each registry's Mapper builds its own: the listener instances belong to one registry, as JPA gives each
 * persistence unit its own.
 */
public final class Callbacks {
    /** The events, in the order of {@link AnnotationRules#CALLBACKS}. */
    public static final int PRE_PERSIST = 0, POST_PERSIST = 1, PRE_UPDATE = 2, POST_UPDATE = 3, PRE_REMOVE = 4,
            POST_REMOVE = 5, POST_LOAD = 6;

    private final MethodHandle[][] handles; // by event; empty when none

    private Callbacks(MethodHandle[][] handles) { this.handles = handles; }

    /** Whether the entity has a callback for {@code event}. */
    public boolean has(int event) { return handles[event].length > 0; }

    /** Calls the entity's callbacks for {@code event} on {@code entity}; what they throw propagates. */
    public void fire(int event, Object entity) {
        for (MethodHandle h : handles[event]) {
            try {
                h.invoke(entity);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("the @" + AnnotationRules.CALLBACKS.get(event) + " callback of "
                        + entity.getClass().getName() + " threw " + t, t);
            }
        }
    }

    /**
     * The callbacks of {@code cls} and the classes it inherits state from, with new listener instances, or null when
     * there are none. Per event, JPA's order: the methods of the {@code @EntityListeners} classes (those of the topmost
     * class first, each annotation's classes in the order listed; {@code @ExcludeSuperclassListeners} on a class drops
     * the listeners of the classes above it), then the callback methods of the classes (topmost first).
     */
    public static Callbacks of(Class<?> cls) { return of(cls, MappingBuilder.hierarchy(cls)); }

    private static Callbacks of(Class<?> cls, List<Class<?>> hierarchy) {
        List<String> names = AnnotationRules.CALLBACKS;
        List<List<MethodHandle>> byEvent = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) byEvent.add(new ArrayList<>());
        List<Class<?>> listeners = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            if (c.isAnnotationPresent(ExcludeSuperclassListeners.class)) listeners.clear();
            EntityListeners el = c.getAnnotation(EntityListeners.class);
            if (el != null) listeners.addAll(List.of(el.value()));
        }
        boolean any = false;
        for (Class<?> l : listeners) any |= addListener(cls, l, byEvent);
        for (Class<?> c : hierarchy) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isSynthetic() || m.isBridge()) continue;
                for (Annotation a : m.getDeclaredAnnotations()) {
                    if (!AnnotationRules.isJakarta(a.annotationType())) continue;
                    int event = names.indexOf(a.annotationType().getSimpleName());
                    if (event < 0) continue; // a callback of JPA's shape (AnnotationChecks)
                    byEvent.get(event).add(unreflect(cls, c, m));
                    any = true;
                }
            }
        }
        if (!any) return null;
        MethodHandle[][] handles = new MethodHandle[names.size()][];
        for (int i = 0; i < handles.length; i++) handles[i] = byEvent.get(i).toArray(MethodHandle[]::new);
        return new Callbacks(handles);
    }

    /**
     * Adds the callback methods of listener class {@code l} (and its superclasses, topmost first), bound to one
     * new instance; the listener's shape was checked with the processor's rules (AnnotationChecks).
     */
    private static boolean addListener(Class<?> cls, Class<?> l, List<List<MethodHandle>> byEvent) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = l; c != null && c != Object.class; c = c.getSuperclass()) chain.add(0, c);
        List<Method> methods = new ArrayList<>();
        List<Integer> events = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isSynthetic() || m.isBridge()) continue;
                for (Annotation a : m.getDeclaredAnnotations()) {
                    if (!AnnotationRules.isJakarta(a.annotationType())) continue;
                    methods.add(m);
                    events.add(AnnotationRules.CALLBACKS.indexOf(a.annotationType().getSimpleName()));
                }
            }
        }
        Object instance = instantiate(cls, l);
        for (int i = 0; i < methods.size(); i++) {
            Method m = methods.get(i);
            MethodHandle h = unreflect(cls, m.getDeclaringClass(), m).bindTo(instance);
            byEvent.get(events.get(i)).add(h.asType(MethodType.methodType(void.class, Object.class)));
        }
        return true;
    }

    private static Object instantiate(Class<?> cls, Class<?> l) {
        MethodHandle ctor;
        try {
            ctor = OpenPackages.privateLookup(l).findConstructor(l, MethodType.methodType(void.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw MappingException.of(cls, null, "the entity listener " + l.getName() + " cannot be instantiated ("
                    + e.getMessage() + "); open its package to org.athanor.orm");
        }
        try {
            return ctor.invoke();
        } catch (Throwable t) {
            throw MappingException.of(cls, null, "the constructor of the entity listener " + l.getName() + " threw " + t, t);
        }
    }

    private static MethodHandle unreflect(Class<?> cls, Class<?> c, Method m) {
        try {
            return OpenPackages.privateLookup(c).unreflect(m);
        } catch (IllegalAccessException e) {
            throw MappingException.of(cls, null, "the callback " + c.getName() + "." + m.getName() + "() cannot be accessed ("
                    + e.getMessage() + "); open its package to org.athanor.orm");
        }
    }
}
