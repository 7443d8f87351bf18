package org.athanor.orm.model.embed;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("stadium")
public class Stadium extends Venue {
    @Embedded
    public Address site;
    public Integer seats;

    protected Stadium() {}

    public Stadium(Long id, String name, Address site, Integer seats) {
        super(id, name);
        this.site = site;
        this.seats = seats;
    }
}
