package org.athanor.examples.inheritance;

import jakarta.persistence.Entity;

@Entity
public class Manager extends Staff {
    private Integer budget;

    protected Manager() {}

    public Manager(String name, int budget) {
        super(name);
        this.budget = budget;
    }

    @Override public String toString() { return "Manager(" + getName() + ", budget " + budget + ")"; }
}
