package org.athanor.orm.model.inherit;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

/** A subclass with its own reference (to a Cat it chases): a to-one declared below the root. */
@Entity
@DiscriminatorValue("dog")
public class Dog extends Animal {
    public String breed;
    @ManyToOne
    public Cat chases;

    public Dog() {}

    public Dog(String name, String breed) {
        super(name);
        this.breed = breed;
    }
}
