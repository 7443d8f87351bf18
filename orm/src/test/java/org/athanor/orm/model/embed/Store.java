package org.athanor.orm.model.embed;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Inherits its embedded address from a mapped superclass. */
@Entity
@Table(name = "emb_stores")
public class Store extends Located {
    @Id
    public Long id;
    public String name;

    protected Store() {}

    public Store(Long id, String name, Address address) {
        this.id = id;
        this.name = name;
        setAddress(address);
    }
}
