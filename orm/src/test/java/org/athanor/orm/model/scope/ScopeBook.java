package org.athanor.orm.model.scope;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A book on a {@link ScopeShelf}. */
@Entity
@Table(name = "scope_book")
public class ScopeBook {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    @ManyToOne
    private ScopeShelf shelf;

    protected ScopeBook() {}

    public ScopeBook(String title, ScopeShelf shelf) {
        this.title = title;
        this.shelf = shelf;
        shelf.getBooks().add(this);
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public ScopeShelf getShelf() { return shelf; }
}
