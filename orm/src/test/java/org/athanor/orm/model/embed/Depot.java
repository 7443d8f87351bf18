package org.athanor.orm.model.embed;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "emb_depots")
public class Depot extends Site {
    public Address address;

    protected Depot() {}

    public Depot(Long id, String name, Address address) {
        super(id, name);
        this.address = address;
    }
}
