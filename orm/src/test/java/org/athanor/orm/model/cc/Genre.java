package org.athanor.orm.model.cc;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** The inverse side of {@link Shelf#getGenres()}. */
@Entity
@Table(name = "cc_genre")
public class Genre {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    private String name;
    @ManyToMany(mappedBy = "genres") private Set<Shelf> shelves = new HashSet<>();

    protected Genre() {}
    public Genre(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Set<Shelf> getShelves() { return shelves; }
    @Override public String toString() { return "Genre(" + name + ")"; }
}
