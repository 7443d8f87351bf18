package org.athanor.orm.model.cycle;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An author whose favorite book (nullable) is a book whose author (NOT NULL) is an author: a two-table cycle with one nullable edge. */
@Entity
@Table(name = "cyc_author")
public class CycAuthor {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToOne
    @JoinColumn(name = "favorite_id")
    private CycBook favorite;

    protected CycAuthor() {}

    public CycAuthor(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public CycBook getFavorite() { return favorite; }
    public void setFavorite(CycBook favorite) { this.favorite = favorite; }
    @Override public String toString() { return "CycAuthor(" + name + ")"; }
}
