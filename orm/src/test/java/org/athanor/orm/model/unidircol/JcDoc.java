package org.athanor.orm.model.unidircol;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An element of {@link JcFolder}'s collections: it maps no reference to its folder (the folder's key is in a column of its table). */
@Entity
@Table(name = "ujc_doc")
public class JcDoc {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;

    protected JcDoc() {}

    public JcDoc(String title) { this.title = title; }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    @Override public String toString() { return "JcDoc(" + title + ")"; }
}
