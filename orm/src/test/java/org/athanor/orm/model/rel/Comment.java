package org.athanor.orm.model.rel;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A third table for chained loader options: a comment's article, and that article's writer. */
@Entity
@Table(name = "rel2_comment")
public class Comment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String text;
    @ManyToOne(optional = false)
    @JoinColumn(name = "article_id")
    private Article article;

    protected Comment() {}

    public Comment(String text, Article article) {
        this.text = text;
        this.article = article;
    }

    public Long getId() { return id; }
    public String getText() { return text; }
    public Article getArticle() { return article; }
}
