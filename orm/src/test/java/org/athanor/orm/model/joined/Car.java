package org.athanor.orm.model.joined;

import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "inh_car")
@PrimaryKeyJoinColumn(name = "car_id")
public class Car extends Vehicle {
    public Integer seats;

    public Car() {}

    public Car(String name, int seats) {
        super(name);
        this.seats = seats;
    }
}
