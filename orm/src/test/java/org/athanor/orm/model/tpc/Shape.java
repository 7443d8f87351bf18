package org.athanor.orm.model.tpc;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Concrete-table inheritance: each class a full table of its own; ids assigned (unique across the hierarchy). */
@Entity
@Table(name = "inh_shape")
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Shape {
    @Id
    public Long id;
    public String name;
    @ManyToOne
    public Canvas canvas;

    protected Shape() {}

    protected Shape(long id, String name) {
        this.id = id;
        this.name = name;
    }
}
