package org.athanor.orm.model;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mapped superclass with an entity listener and a callback of its own; the events of it, its
 * listeners and the tests' session and mapper listeners are logged to {@link #EVENTS} as "event:name".
 */
@MappedSuperclass
@EntityListeners(AuditListener.class)
public abstract class Audited {
    public static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    /** The event whose callback or listener throws (null: none). */
    public static volatile String failOn;

    @Column(length = 40)
    protected String name;

    public static void log(String event, Object entity) {
        EVENTS.add(event + ":" + ((Audited) entity).name);
        if (event.equals(failOn)) throw new IllegalStateException(event + " failed");
    }

    @PrePersist
    void basePrePersist() { log("base.PrePersist", this); }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
