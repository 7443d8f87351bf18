package org.athanor.orm.model.lazy;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * The target of the LAZY references of {@link Story}: private fields behind getters and setters, a primitive
 * (whose default 0 must never be flushed over a proxy's unread row), a version, a collection, equals and
 * hashCode by id, and a {@code @PostLoad} counter (a proxy's load is a load).
 */
@Entity
@Table(name = "lazy_author")
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private int rank;
    @Version
    private Long version;
    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL)
    private List<Story> stories = new ArrayList<>();
    private transient int loads;

    protected Author() {}

    public Author(String name, int rank) {
        this.name = name;
        this.rank = rank;
    }

    @PostLoad
    void loaded() { loads++; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public int getRank() { return rank; }
    public void setRank(int rank) { this.rank = rank; }
    public Long getVersion() { return version; }
    public List<Story> getStories() { return stories; }
    /** How many times a row was read into this object. */
    public int loads() { return loads; }

    @Override public boolean equals(Object o) {
        return this == o || o instanceof Author a && id != null && id.equals(a.getId());
    }

    @Override public int hashCode() { return id == null ? 0 : id.hashCode(); }

    @Override public String toString() { return "Author(" + id + ")"; }
}
