package org.athanor.orm.model.joined;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Joined inheritance: a concrete root with its own rows, a table per subclass (Car, SportsCar under Car, Truck). */
@Entity
@Table(name = "inh_vehicle")
@Inheritance(strategy = InheritanceType.JOINED)
public class Vehicle {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Version
    public Integer version;
    @ManyToOne
    public Garage garage;

    public Vehicle() {}

    public Vehicle(String name) { this.name = name; }
}
