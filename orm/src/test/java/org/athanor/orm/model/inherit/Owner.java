package org.athanor.orm.model.inherit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** Owner.pets: a collection of the hierarchy's base class, holding Cats and Dogs. */
@Entity
@Table(name = "inh_owner")
public class Owner {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @OneToMany(mappedBy = "owner")
    @OrderBy("name")
    public List<Animal> pets = new ArrayList<>();

    public Owner() {}

    public Owner(String name) { this.name = name; }
}
