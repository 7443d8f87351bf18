package org.athanor.orm.model.joined;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "inh_garage")
public class Garage {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @OneToMany(mappedBy = "garage")
    @OrderBy("name")
    public List<Vehicle> vehicles = new ArrayList<>();
    /** The trucks with this depot: a collection whose back reference is a column of a JOINED subclass table (inh_truck). */
    @OneToMany(mappedBy = "depot")
    public List<Truck> trucks = new ArrayList<>();

    public Garage() {}

    public Garage(String name) { this.name = name; }
}
