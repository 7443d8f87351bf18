package org.athanor.orm.model.rel;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** Relationship stateful property (a Set), no cascade, nullable key: deleting it leaves its children without a parent (parent_id set to NULL). */
@Entity
@Table(name = "rp_club")
public class Club {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @OneToMany(mappedBy = "parent")
    private Set<Member> children = new HashSet<>();

    protected Club() {}

    public Club(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Set<Member> getChildren() { return children; }
}
