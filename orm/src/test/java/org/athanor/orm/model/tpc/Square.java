package org.athanor.orm.model.tpc;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "inh_square")
public class Square extends Polygon {
    public Double side;

    public Square() {}

    public Square(long id, String name, double side) {
        super(id, name, 4);
        this.side = side;
    }
}
