package org.athanor.orm.model.unidircol;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A tree through a unidirectional {@code @OneToMany @JoinColumn} of the entity to itself: column parent_id of its own table. */
@Entity
@Table(name = "ujc_node")
public class JcNode {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "parent_id")
    @OrderBy("name")
    private List<JcNode> children = new ArrayList<>();

    protected JcNode() {}

    public JcNode(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<JcNode> getChildren() { return children; }
    @Override public String toString() { return "JcNode(" + name + ")"; }
}
