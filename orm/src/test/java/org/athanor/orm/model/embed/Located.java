package org.athanor.orm.model.embed;

import jakarta.persistence.MappedSuperclass;

/** A mapped superclass with an embedded value (its type @Embeddable, so no @Embedded needed), private with accessors. */
@MappedSuperclass
public abstract class Located {
    private Address address;

    public Address getAddress() { return address; }
    public void setAddress(Address address) { this.address = address; }
}
