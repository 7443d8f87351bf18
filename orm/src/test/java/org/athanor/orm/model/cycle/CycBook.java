package org.athanor.orm.model.cycle;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A book whose author may not be NULL (see {@link CycAuthor}). */
@Entity
@Table(name = "cyc_book")
public class CycBook {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToOne(optional = false)
    @JoinColumn(name = "author_id", nullable = false)
    private CycAuthor author;

    protected CycBook() {}

    public CycBook(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public CycAuthor getAuthor() { return author; }
    public void setAuthor(CycAuthor author) { this.author = author; }
    @Override public String toString() { return "CycBook(" + name + ")"; }
}
