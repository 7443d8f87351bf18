package org.athanor.orm.model.rel;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The element of {@link Family#getChildren()}, for the relationship stateful property. */
@Entity
@Table(name = "rp_kid")
public class Kid {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToOne
    @JoinColumn(name = "parent_id")
    private Family parent;

    protected Kid() {}

    public Kid(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Family getParent() { return parent; }
    public void setParent(Family parent) { this.parent = parent; }
}
