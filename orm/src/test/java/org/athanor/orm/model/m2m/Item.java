package org.athanor.orm.model.m2m;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A unidirectional many-to-many with JPA's default names: table m2m_item_m2m_label, columns item_id and labels_id. */
@Entity
@Table(name = "m2m_item")
public class Item {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToMany
    private Set<Label> labels = new HashSet<>();

    protected Item() {}

    public Item(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Set<Label> getLabels() { return labels; }
}
