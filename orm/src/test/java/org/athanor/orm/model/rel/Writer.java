package org.athanor.orm.model.rel;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The referenced side of the relationship tests: its articles (a List, newest title first, deleted with
 * it, orphans deleted) and the articles it edits (a Set; deleting the writer clears their editor).
 */
@Entity
@Table(name = "rel_writer")
public class Writer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @OneToMany(mappedBy = "writer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("title DESC")
    private List<Article> articles = new ArrayList<>();
    @OneToMany(mappedBy = "editor")
    private Set<Article> edited = new HashSet<>();

    protected Writer() {}

    public Writer(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<Article> getArticles() { return articles; }
    public Set<Article> getEdited() { return edited; }
}
