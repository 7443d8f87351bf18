package org.athanor.orm.model.cycle;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Red -> Green (NOT NULL) -> Blue (NOT NULL) -> Red (nullable): a three-table cycle. */
@Entity
@Table(name = "cyc_red")
public class CycRed {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToOne(optional = false)
    @JoinColumn(name = "green_id", nullable = false)
    private CycGreen green;

    protected CycRed() {}

    public CycRed(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public CycGreen getGreen() { return green; }
    public void setGreen(CycGreen green) { this.green = green; }
    @Override public String toString() { return "CycRed(" + name + ")"; }
}
