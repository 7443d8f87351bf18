package org.athanor.orm.model.tpcseq;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "tps_ruby")
public class Ruby extends Gem {
    public Integer carats;

    protected Ruby() {}

    public Ruby(String name, int carats) {
        super(name);
        this.carats = carats;
    }
}
