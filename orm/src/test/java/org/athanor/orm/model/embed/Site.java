package org.athanor.orm.model.embed;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** The root of a JOINED hierarchy; its subclass Depot keeps an embedded Address in the subclass table. */
@Entity
@Table(name = "emb_sites")
@Inheritance(strategy = InheritanceType.JOINED)
public class Site {
    @Id
    public Long id;
    public String name;

    protected Site() {}

    public Site(Long id, String name) {
        this.id = id;
        this.name = name;
    }
}
