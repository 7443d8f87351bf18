package org.athanor.orm.model.relacc;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** The inverse side of a many-to-many, public. */
@Entity
@Table(name = "ra_tag")
public class RaTag {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    private String label;
    @ManyToMany(mappedBy = "tags") public Set<RaShelf> shelves = new HashSet<>();

    protected RaTag() {}
    public RaTag(String label) { this.label = label; }

    public Long getId() { return id; }
    public String getLabel() { return label; }
}
