package org.athanor.orm.model.relacc;

import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/** A reference declared in a generic mapped superclass, private: the entity's accessor reaches it through a VarHandle. */
@MappedSuperclass
public abstract class RaCurated<C> {
    @ManyToOne private C curator;

    public C getCurator() { return curator; }
    public void setCurator(C curator) { this.curator = curator; }
}
