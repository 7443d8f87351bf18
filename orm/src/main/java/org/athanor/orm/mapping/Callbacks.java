package org.athanor.orm.mapping;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.internal.mapping.OpenPackages;
import org.athanor.orm.rules.AnnotationRules;

/**
 * An entity's Jakarta lifecycle callbacks ({@code @PrePersist} ... {@code @PostLoad}): methods of the
 * entity class and its {@code @MappedSuperclass}es, superclass methods first (JPA's order). An entity
 * without callbacks has none ({@link EntityMapping#callbacks()} is null), so the session pays one null
 * check per object.
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

    /** The callbacks declared on the hierarchy (topmost first), or null when there are none. */
    static Callbacks of(Class<?> cls, List<Class<?>> hierarchy) {
        List<String> names = AnnotationRules.CALLBACKS;
        List<List<MethodHandle>> byEvent = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) byEvent.add(new ArrayList<>());
        boolean any = false;
        for (Class<?> c : hierarchy) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isSynthetic() || m.isBridge()) continue;
                for (Annotation a : m.getDeclaredAnnotations()) {
                    if (!AnnotationRules.isJakarta(a.annotationType())) continue;
                    int event = names.indexOf(a.annotationType().getSimpleName());
                    if (event < 0) continue;
                    String p = AnnotationRules.callbackProblem(a.annotationType().getSimpleName(), m.getName(),
                            java.lang.reflect.Modifier.isStatic(m.getModifiers()), m.getParameterCount(), m.getReturnType() == void.class);
                    if (p != null) throw MappingException.of(cls, null, p);
                    try {
                        byEvent.get(event).add(OpenPackages.privateLookup(c).unreflect(m));
                    } catch (IllegalAccessException e) {
                        throw MappingException.of(cls, null, "the callback " + m.getName() + "() cannot be accessed ("
                                + e.getMessage() + "); open the entity's package to org.athanor.orm");
                    }
                    any = true;
                }
            }
        }
        if (!any) return null;
        MethodHandle[][] handles = new MethodHandle[names.size()][];
        for (int i = 0; i < handles.length; i++) handles[i] = byEvent.get(i).toArray(MethodHandle[]::new);
        return new Callbacks(handles);
    }
}
