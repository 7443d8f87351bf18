package org.athanor.orm.model.inherit;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The tutorial's single-table hierarchy: Animal (abstract) with Cat and Dog, told apart by the type column. */
@Entity
@Table(name = "inh_animal")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "type", length = 20)
public abstract class Animal extends Audited {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @ManyToOne
    public Owner owner;

    protected Animal() {}

    protected Animal(String name) { this.name = name; }
}
