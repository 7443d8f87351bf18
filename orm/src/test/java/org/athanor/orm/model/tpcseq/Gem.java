package org.athanor.orm.model.tpcseq;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** Concrete-table inheritance with generated ids: one sequence (tps_gem_seq) for every class's table. */
@Entity
@Table(name = "tps_gem")
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Gem {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    public Long id;
    public String name;

    protected Gem() {}

    protected Gem(String name) { this.name = name; }
}
