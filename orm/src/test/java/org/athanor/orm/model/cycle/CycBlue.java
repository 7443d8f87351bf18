package org.athanor.orm.model.cycle;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** See {@link CycRed}: the cycle's one nullable reference. */
@Entity
@Table(name = "cyc_blue")
public class CycBlue {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToOne
    @JoinColumn(name = "red_id")
    private CycRed red;

    protected CycBlue() {}

    public CycBlue(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public CycRed getRed() { return red; }
    public void setRed(CycRed red) { this.red = red; }
    @Override public String toString() { return "CycBlue(" + name + ")"; }
}
