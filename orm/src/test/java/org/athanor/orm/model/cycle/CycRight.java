package org.athanor.orm.model.cycle;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** See {@link CycLeft}. */
@Entity
@Table(name = "cyc_right")
public class CycRight {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToOne(optional = false)
    @JoinColumn(name = "left_id", nullable = false)
    private CycLeft left;

    protected CycRight() {}

    public CycRight(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public CycLeft getLeft() { return left; }
    public void setLeft(CycLeft left) { this.left = left; }
    @Override public String toString() { return "CycRight(" + name + ")"; }
}
