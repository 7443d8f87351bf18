package org.athanor.orm.model.joined;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A subclass whose own table holds references: to the garage it is serviced at, and to another truck. */
@Entity
@Table(name = "inh_truck")
public class Truck extends Vehicle {
    public Double payload;
    @ManyToOne
    public Garage depot;
    /** A reference to its own class from the subclass table (a chain of trucks, each towed by the one before). */
    @ManyToOne
    public Truck towedBy;

    public Truck() {}

    public Truck(String name, double payload) {
        super(name);
        this.payload = payload;
    }
}
