package org.athanor.orm.model.joined;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "inh_sports_car")
@DiscriminatorValue("sports")
public class SportsCar extends Car {
    public Integer topSpeed;

    public SportsCar() {}

    public SportsCar(String name, int seats, int topSpeed) {
        super(name, seats);
        this.topSpeed = topSpeed;
    }
}
