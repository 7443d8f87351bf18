package org.athanor.orm.model.embed;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** The root of a single-table hierarchy whose two subclasses each embed an Address (in columns of their own). */
@Entity
@Table(name = "emb_venues")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
public abstract class Venue {
    @Id
    public Long id;
    public String name;

    protected Venue() {}

    protected Venue(Long id, String name) {
        this.id = id;
        this.name = name;
    }
}
