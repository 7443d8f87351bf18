package org.athanor.examples.inheritance;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** {@code polymorphic_identity='cat'}: its own column, indoor, is a nullable column of table animal. */
@Entity
@DiscriminatorValue("cat")
public class Cat extends Animal {
    private Boolean indoor;

    protected Cat() {}

    public Cat(String name, boolean indoor) {
        super(name);
        this.indoor = indoor;
    }

    public Boolean getIndoor() { return indoor; }

    @Override public String toString() { return "Cat(" + getName() + (Boolean.TRUE.equals(indoor) ? ", indoor)" : ", outdoor)"); }
}
