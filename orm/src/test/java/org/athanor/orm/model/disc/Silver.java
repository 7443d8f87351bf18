package org.athanor.orm.model.disc;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue(" 2 ")
public class Silver extends Coin {
    public Boolean sterling;

    protected Silver() {}

    public Silver(String label, boolean sterling) {
        super(label);
        this.sterling = sterling;
    }
}
