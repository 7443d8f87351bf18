package org.athanor.orm.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An entity with every lifecycle callback, each logging "event:name" to {@link #EVENTS} (issue 16's tests). */
@Entity
@Table(name = "gadgets")
public class Gadget extends Stamped {
    public static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    /** The event whose callback throws (null: none). */
    public static volatile String failOn;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(length = 40)
    private String name;
    private Integer uses;
    @Transient
    public int loads;

    protected Gadget() {}

    public Gadget(String name) { this.name = name; }

    static void log(String event, Stamped g) {
        EVENTS.add(event + ":" + ((Gadget) g).name);
        if (event.equals(failOn)) throw new IllegalStateException("callback " + event + " failed");
    }

    @PrePersist
    protected void prePersist() {
        if (uses == null) uses = 0;
        log("PrePersist", this);
    }

    @PostPersist
    public void postPersist() { log("PostPersist" + (id == null ? "(no id)" : ""), this); }

    @PreUpdate
    void preUpdate() {
        uses = uses + 1;
        log("PreUpdate", this);
    }

    @PostUpdate
    private void postUpdate() { log("PostUpdate", this); }

    @PreRemove
    void preRemove() { log("PreRemove", this); }

    @PostRemove
    void postRemove() { log("PostRemove", this); }

    @PostLoad
    void postLoad() {
        loads++;
        log("PostLoad", this);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getUses() { return uses; }
}
