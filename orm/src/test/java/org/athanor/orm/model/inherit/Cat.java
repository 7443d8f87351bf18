package org.athanor.orm.model.inherit;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("cat")
public class Cat extends Animal {
    public Boolean indoor;

    public Cat() {}

    public Cat(String name, boolean indoor) {
        super(name);
        this.indoor = indoor;
    }
}
