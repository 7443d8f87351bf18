package org.athanor.orm.model.cycle;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Left -> Right and Right -> Left, both NOT NULL: a cycle no flush can write. */
@Entity
@Table(name = "cyc_left")
public class CycLeft {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToOne(optional = false)
    @JoinColumn(name = "right_id", nullable = false)
    private CycRight right;

    protected CycLeft() {}

    public CycLeft(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public CycRight getRight() { return right; }
    public void setRight(CycRight right) { this.right = right; }
    @Override public String toString() { return "CycLeft(" + name + ")"; }
}
