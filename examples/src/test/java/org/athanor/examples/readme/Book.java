package org.athanor.examples.readme;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "readme_book")
public class Book {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    private String title;
    @ManyToOne(fetch = FetchType.LAZY) private Author author;         // a generated Author_Proxy until first used

    protected Book() {}
    public Book(String title, Author author) { this.title = title; this.author = author; }

    public String getTitle() { return title; }
    public Author getAuthor() { return author; }
}
