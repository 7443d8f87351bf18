package org.athanor.orm.model.embed;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;

/** Embeds the same type as Stadium in the same table: its columns are renamed (repeatable @AttributeOverride). */
@Entity
@DiscriminatorValue("theatre")
public class Theatre extends Venue {
    @Embedded
    @AttributeOverride(name = "street", column = @Column(name = "box_street"))
    @AttributeOverride(name = "city", column = @Column(name = "box_city"))
    @AttributeOverride(name = "zip", column = @Column(name = "box_postcode"))
    @AttributeOverride(name = "floor", column = @Column(name = "box_floor"))
    public Address box;

    protected Theatre() {}

    public Theatre(Long id, String name, Address box) {
        super(id, name);
        this.box = box;
    }
}
