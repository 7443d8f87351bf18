package org.athanor.orm.model.rel;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** Relationship stateful property, cascade variant: its children are deleted with it, and a child removed from the list is deleted (orphanRemoval). */
@Entity
@Table(name = "rp_family")
public class Family {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @OneToMany(mappedBy = "parent", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Kid> children = new ArrayList<>();

    protected Family() {}

    public Family(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<Kid> getChildren() { return children; }
}
