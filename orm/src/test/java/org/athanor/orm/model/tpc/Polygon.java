package org.athanor.orm.model.tpc;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A concrete class with a subclass of its own (Square): a query of Polygon reads both tables. */
@Entity
@Table(name = "inh_polygon")
public class Polygon extends Shape {
    public Integer sides;

    public Polygon() {}

    public Polygon(long id, String name, int sides) {
        super(id, name);
        this.sides = sides;
    }
}
