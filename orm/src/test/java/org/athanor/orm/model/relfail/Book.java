package org.athanor.orm.model.relfail;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;

/**
 * An element whose load fails for one row: a book titled {@link #UNREADABLE} throws from its {@code @PostLoad}
 * callback, in the middle of the rows of the select that loads its shelf's collection (and its neighbours').
 */
@Entity
@Table(name = "lf_book")
public class Book {
    public static final String UNREADABLE = "unreadable";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    @ManyToOne
    @JoinColumn(name = "shelf_id")
    private Shelf shelf;

    protected Book() {}

    public Book(String title, Shelf shelf) {
        this.title = title;
        this.shelf = shelf;
    }

    @PostLoad
    void refuseUnreadable() {
        if (UNREADABLE.equals(title)) throw new IllegalStateException("book " + id + " is " + UNREADABLE);
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public Shelf getShelf() { return shelf; }
}
