package org.athanor.orm.model.rel;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Two references to {@link Writer}: a required one with a named column, an optional one with the default name (editor_id). */
@Entity
@Table(name = "rel_article")
public class Article {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    @ManyToOne(optional = false)
    @JoinColumn(name = "writer_id", referencedColumnName = "id")
    private Writer writer;
    @ManyToOne
    private Writer editor;

    protected Article() {}

    public Article(String title, Writer writer) {
        this.title = title;
        this.writer = writer;
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Writer getWriter() { return writer; }
    public void setWriter(Writer writer) { this.writer = writer; }
    public Writer getEditor() { return editor; }
    public void setEditor(Writer editor) { this.editor = editor; }
}
