package org.athanor.orm.model.disc;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("1")
public class Gold extends Coin {
    public Integer karat;

    protected Gold() {}

    public Gold(String label, int karat) {
        super(label);
        this.karat = karat;
    }
}
