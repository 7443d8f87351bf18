package org.athanor.orm.model.inherit;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** A mapped superclass above an entity hierarchy's root: its field is a column of the root table. */
@MappedSuperclass
public abstract class Audited {
    @Column(name = "created_by")
    public String createdBy;
}
