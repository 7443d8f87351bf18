package org.athanor.orm.model.rel;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The element of {@link Team#getChildren()}, for the relationship stateful property. */
@Entity
@Table(name = "rp_player")
public class Player {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToOne(optional = false)
    @JoinColumn(name = "parent_id")
    private Team parent;

    protected Player() {}

    public Player(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Team getParent() { return parent; }
    public void setParent(Team parent) { this.parent = parent; }
}
