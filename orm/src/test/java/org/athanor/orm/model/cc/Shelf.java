package org.athanor.orm.model.cc;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An owner of one collection of each kind, each with a setter (so a test can replace it): a
 * {@code @OneToMany(mappedBy)} List, the owning side of a {@code @ManyToMany} Set, an element collection Set and an
 * element collection List (a bag). The entity collections cascade MERGE.
 */
@Entity
@Table(name = "cc_shelf")
public class Shelf {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    private String name;

    @OneToMany(mappedBy = "shelf", cascade = CascadeType.MERGE) @OrderBy("title") private List<Book> books = new ArrayList<>();

    @ManyToMany(cascade = CascadeType.MERGE)
    @JoinTable(name = "cc_shelf_genre", joinColumns = @JoinColumn(name = "shelf_id"), inverseJoinColumns = @JoinColumn(name = "genre_id"))
    private Set<Genre> genres = new HashSet<>();

    @ElementCollection @CollectionTable(name = "cc_shelf_label") private Set<String> labels = new HashSet<>();

    @ElementCollection @CollectionTable(name = "cc_shelf_note") private List<String> notes = new ArrayList<>();

    protected Shelf() {}
    public Shelf(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<Book> getBooks() { return books; }
    public void setBooks(List<Book> books) { this.books = books; }
    public Set<Genre> getGenres() { return genres; }
    public void setGenres(Set<Genre> genres) { this.genres = genres; }
    public Set<String> getLabels() { return labels; }
    public void setLabels(Set<String> labels) { this.labels = labels; }
    public List<String> getNotes() { return notes; }
    public void setNotes(List<String> notes) { this.notes = notes; }
    @Override public String toString() { return "Shelf(" + name + ")"; }
}
