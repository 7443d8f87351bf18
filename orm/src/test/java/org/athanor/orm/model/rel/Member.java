package org.athanor.orm.model.rel;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The element of {@link Club#getChildren()}, for the relationship stateful property. */
@Entity
@Table(name = "rp_member")
public class Member {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToOne
    @JoinColumn(name = "parent_id")
    private Club parent;

    protected Member() {}

    public Member(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Club getParent() { return parent; }
    public void setParent(Club parent) { this.parent = parent; }
}
