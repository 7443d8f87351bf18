package org.athanor.orm.model.cc;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An element of {@link Shelf#getBooks()}: its nullable reference is the row a change of that collection writes. */
@Entity
@Table(name = "cc_book")
public class Book {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    private String title;
    @ManyToOne private Shelf shelf;

    protected Book() {}
    public Book(String title) { this.title = title; }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public Shelf getShelf() { return shelf; }
    public void setShelf(Shelf shelf) { this.shelf = shelf; }
    @Override public String toString() { return "Book(" + title + ")"; }
}
