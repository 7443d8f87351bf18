package org.athanor.orm.model.unidir;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The element of {@link UniShelf#getTags()}: no reference to its shelf. */
@Entity
@Table(name = "uni_tag")
public class UniTag {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String label;

    protected UniTag() {}

    public UniTag(String label) { this.label = label; }

    public Long getId() { return id; }
    public String getLabel() { return label; }
}
