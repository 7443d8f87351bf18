package org.athanor.orm.model.ord;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The element of {@link OrdBranch#getLeaves()}: a grandchild of {@link OrdTree}. */
@Entity
@Table(name = "ord_leaf")
public class OrdLeaf {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToOne
    @JoinColumn(name = "branch_id")
    private OrdBranch branch;

    protected OrdLeaf() {}

    public OrdLeaf(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public OrdBranch getBranch() { return branch; }
    public void setBranch(OrdBranch branch) { this.branch = branch; }
    @Override public String toString() { return "OrdLeaf(" + name + ")"; }
}
