package org.athanor.orm.model.tpc;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "inh_circle")
@DiscriminatorValue("circle")
public class Circle extends Shape {
    public Double radius;

    public Circle() {}

    public Circle(long id, String name, double radius) {
        super(id, name);
        this.radius = radius;
    }
}
