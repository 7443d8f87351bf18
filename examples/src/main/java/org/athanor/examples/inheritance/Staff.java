package org.athanor.examples.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/**
 * The joined-table variant (SQLAlchemy's Employee / Engineer / Manager): table {@code staff} holds what
 * every member has; {@code engineer} and {@code manager} hold the rest, keyed by the staff row's id.
 */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Staff {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;

    protected Staff() {}

    public Staff(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }

    @Override public String toString() { return "Staff(" + name + ")"; }
}
