package org.athanor.orm.model.ord;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The element of {@link OrdTree#getTags()} (a many-to-many without an inverse side). */
@Entity
@Table(name = "ord_tag")
public class OrdTag {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;

    protected OrdTag() {}

    public OrdTag(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    @Override public String toString() { return "OrdTag(" + name + ")"; }
}
