package org.athanor.orm.model.relacc;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The owning side of a one-to-one, package-private (the field itself). */
@Entity
@Table(name = "ra_plate")
public class RaPlate {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    private String text;
    @OneToOne @JoinColumn(name = "shelf_id") RaShelf shelf;

    protected RaPlate() {}
    public RaPlate(String text) { this.text = text; }

    public Long getId() { return id; }
    public String getText() { return text; }
    public RaShelf getShelf() { return shelf; }
    public void setShelf(RaShelf shelf) { this.shelf = shelf; }
}
