package org.athanor.orm.model.relacc;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A private reference (VarHandle) and one inherited from a generic mapped superclass; the root of a single-table hierarchy. */
@Entity
@Table(name = "ra_book")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 10)
@DiscriminatorValue("book")
public class RaBook extends RaCurated<RaCurator> {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    private String title;
    @ManyToOne(optional = false) private RaShelf shelf;

    protected RaBook() {}
    public RaBook(String title) { this.title = title; }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public RaShelf getShelf() { return shelf; }
    public void setShelf(RaShelf shelf) { this.shelf = shelf; }
}
