package org.athanor.orm.model.relacc;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "ra_curator")
public class RaCurator {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    private String name;

    protected RaCurator() {}
    public RaCurator(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
}
