package org.athanor.orm.model.cycle;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** See {@link CycRed}. */
@Entity
@Table(name = "cyc_green")
public class CycGreen {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToOne(optional = false)
    @JoinColumn(name = "blue_id", nullable = false)
    private CycBlue blue;

    protected CycGreen() {}

    public CycGreen(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public CycBlue getBlue() { return blue; }
    public void setBlue(CycBlue blue) { this.blue = blue; }
    @Override public String toString() { return "CycGreen(" + name + ")"; }
}
