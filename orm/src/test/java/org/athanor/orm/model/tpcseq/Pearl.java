package org.athanor.orm.model.tpcseq;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "tps_pearl")
public class Pearl extends Gem {
    public String lustre;

    protected Pearl() {}

    public Pearl(String name, String lustre) {
        super(name);
        this.lustre = lustre;
    }
}
