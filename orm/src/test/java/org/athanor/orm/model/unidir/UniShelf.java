package org.athanor.orm.model.unidir;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Unidirectional {@code @OneToMany} collections through join tables: {@code books} with JPA's default names
 * (table uni_shelf_uni_book, columns uni_shelf_id and books_id UNIQUE), cascade ALL and orphan removal;
 * {@code tags} renamed by {@code @JoinTable}, without cascades. Neither element maps a reference back.
 */
@Entity
@Table(name = "uni_shelf")
public class UniShelf {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("title")
    private List<UniBook> books = new ArrayList<>();
    @OneToMany
    @JoinTable(name = "uni_shelf_tag", joinColumns = @JoinColumn(name = "shelf"), inverseJoinColumns = @JoinColumn(name = "tag"))
    @OrderBy("label DESC")
    private Set<UniTag> tags = new LinkedHashSet<>();

    protected UniShelf() {}

    public UniShelf(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<UniBook> getBooks() { return books; }
    public Set<UniTag> getTags() { return tags; }
}
