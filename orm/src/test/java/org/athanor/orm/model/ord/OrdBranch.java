package org.athanor.orm.model.ord;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** The element of {@link OrdTree#getBranches()}, itself the owner of a List of {@link OrdLeaf} (the grandchildren). */
@Entity
@Table(name = "ord_branch")
public class OrdBranch {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToOne
    @JoinColumn(name = "tree_id")
    private OrdTree tree;
    @OneToMany(mappedBy = "branch")
    private List<OrdLeaf> leaves = new ArrayList<>();

    protected OrdBranch() {}

    public OrdBranch(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public OrdTree getTree() { return tree; }
    public void setTree(OrdTree tree) { this.tree = tree; }
    public List<OrdLeaf> getLeaves() { return leaves; }
    public void setLeaves(List<OrdLeaf> leaves) { this.leaves = leaves; }
    @Override public String toString() { return "OrdBranch(" + name + ")"; }
}
