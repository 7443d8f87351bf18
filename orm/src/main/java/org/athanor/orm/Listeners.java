package org.athanor.orm;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.orm.internal.flush.FlushEvents;
import org.athanor.orm.internal.mapping.Mapper;

/**
 * A SessionFactory's session and mapper listeners, immutable: the mapper listeners resolved per
 * mapper when the factory is built (an entity without listeners costs one map lookup per flushed table).
 */
final class Listeners {
    static final Listeners NONE = new Listeners(List.of(), List.of(), null);

    /** A mapper listener and the class it listens to. */
    record Registration(Class<?> type, MapperListener<?> listener) {}

    final SessionListener[] session;
    private final List<SessionListener> sessionList;
    private final List<Registration> mapperList;
    private final Map<Mapper, MapperListener<?>[]> byMapper;

    private Listeners(List<SessionListener> session, List<Registration> mapper, Registry registry) {
        this.sessionList = List.copyOf(session);
        this.session = session.toArray(SessionListener[]::new);
        this.mapperList = List.copyOf(mapper);
        Map<Mapper, MapperListener<?>[]> by = new IdentityHashMap<>();
        if (registry != null && !mapper.isEmpty())
            for (Mapper m : registry.infos()) {
                List<MapperListener<?>> ls = new ArrayList<>();
                for (Registration r : mapper) if (r.type().isAssignableFrom(m.type)) ls.add(r.listener());
                if (!ls.isEmpty()) by.put(m, ls.toArray(MapperListener<?>[]::new));
            }
        this.byMapper = by;
    }

    Listeners withSession(SessionListener l, Registry registry) {
        List<SessionListener> s = new ArrayList<>(sessionList);
        s.add(l);
        return new Listeners(s, mapperList, registry);
    }

    Listeners withMapper(Class<?> type, MapperListener<?> l, Registry registry) {
        boolean mapped = false;
        for (Mapper m : registry.infos()) mapped |= type.isAssignableFrom(m.type);
        if (!mapped)
            throw new IllegalArgumentException("withListener(" + type.getName() + ", ...): no entity of the registry is a "
                    + type.getSimpleName() + "; give a mapped entity class (or a superclass or interface of some)");
        List<Registration> r = new ArrayList<>(mapperList);
        r.add(new Registration(type, l));
        return new Listeners(sessionList, r, registry);
    }

    /** The flush's view, for one session. */
    FlushEvents flushEvents(Session s) {
        return new FlushEvents() {
            @Override public boolean listens(Mapper mapper) { return byMapper.containsKey(mapper); }

            @Override @SuppressWarnings({"unchecked", "rawtypes"})
            public void fire(int event, Mapper mapper, Object entity) {
                MapperListener[] ls = byMapper.get(mapper);
                if (ls == null) return;
                for (MapperListener l : ls) {
                    switch (event) {
                        case BEFORE_INSERT -> l.beforeInsert(s, entity);
                        case AFTER_INSERT -> l.afterInsert(s, entity);
                        case BEFORE_UPDATE -> l.beforeUpdate(s, entity);
                        case AFTER_UPDATE -> l.afterUpdate(s, entity);
                        case BEFORE_DELETE -> l.beforeDelete(s, entity);
                        case AFTER_DELETE -> l.afterDelete(s, entity);
                        default -> throw new IllegalArgumentException("no mapper event " + event);
                    }
                }
            }
        };
    }
}
