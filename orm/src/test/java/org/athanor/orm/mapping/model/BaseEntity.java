package org.athanor.orm.mapping.model;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** A generic mapped superclass with private fields: the processor uses the accessors, or VarHandles. */
@MappedSuperclass
public abstract class BaseEntity<K> {
    @Id @GeneratedValue
    private K id;
    private Instant createdAt;   // no accessors: reached through a VarHandle

    public K getId() { return id; }
    public void setId(K id) { this.id = id; }
    public Instant createdAtForTest() { return createdAt; }
}
