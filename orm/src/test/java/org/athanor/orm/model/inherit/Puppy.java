package org.athanor.orm.model.inherit;

import jakarta.persistence.Entity;

/** A third level (Animal → Dog → Puppy); its discriminator value defaults to the entity name. */
@Entity
public class Puppy extends Dog {
    public Integer weeks;

    public Puppy() {}

    public Puppy(String name, String breed, int weeks) {
        super(name, breed);
        this.weeks = weeks;
    }
}
