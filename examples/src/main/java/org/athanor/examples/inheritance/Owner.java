package org.athanor.examples.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** Owner.pets is a collection of the base class: it holds Cats and Dogs. */
@Entity
public class Owner {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @OneToMany(mappedBy = "owner")
    @OrderBy("name")
    private List<Animal> pets = new ArrayList<>();

    protected Owner() {}

    public Owner(String name) { this.name = name; }

    public String getName() { return name; }
    public List<Animal> getPets() { return pets; }

    @Override public String toString() { return "Owner(" + name + ")"; }
}
