package org.athanor.orm.model.joined;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A subclass whose own table holds a reference (to the garage it is serviced at). */
@Entity
@Table(name = "inh_truck")
public class Truck extends Vehicle {
    public Double payload;
    @ManyToOne
    public Garage depot;

    public Truck() {}

    public Truck(String name, double payload) {
        super(name);
        this.payload = payload;
    }
}
