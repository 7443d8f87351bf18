package org.athanor.orm.model.rel;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** Relationship stateful property, no cascade, NOT NULL key: deleting it while it has children fails at flush (the database refuses the NULL), and a rollback recovers. */
@Entity
@Table(name = "rp_team")
public class Team {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @OneToMany(mappedBy = "parent")
    private List<Player> children = new ArrayList<>();

    protected Team() {}

    public Team(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<Player> getChildren() { return children; }
}
