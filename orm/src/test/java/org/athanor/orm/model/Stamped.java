package org.athanor.orm.model;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/** A mapped superclass with lifecycle callbacks that stamp the row (called before the entity's own). */
@MappedSuperclass
public abstract class Stamped {
    @Column(length = 40)
    protected String stamp;

    @PrePersist
    private void stampCreated() {
        stamp = "created";
        Gadget.log("base.PrePersist", this);
    }

    @PreUpdate
    void stampUpdated() {
        stamp = "updated";
        Gadget.log("base.PreUpdate", this);
    }

    public String getStamp() { return stamp; }
}
