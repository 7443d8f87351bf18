package org.athanor.orm.model.ord;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Insert order of cascaded objects: a parent whose {@code @OneToMany(mappedBy)} List and owning {@code @ManyToMany}
 * List have no cascade attribute (SQLAlchemy's default save-update cascade adds their new elements).
 */
@Entity
@Table(name = "ord_tree")
public class OrdTree {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @OneToMany(mappedBy = "tree")
    private List<OrdBranch> branches = new ArrayList<>();
    @ManyToMany
    @JoinTable(name = "ord_tree_tag", joinColumns = @JoinColumn(name = "tree_id"), inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private List<OrdTag> tags = new ArrayList<>();

    protected OrdTree() {}

    public OrdTree(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<OrdBranch> getBranches() { return branches; }
    public List<OrdTag> getTags() { return tags; }
    public void setTags(List<OrdTag> tags) { this.tags = tags; }
    @Override public String toString() { return "OrdTree(" + name + ")"; }
}
