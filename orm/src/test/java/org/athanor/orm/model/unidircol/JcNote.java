package org.athanor.orm.model.unidircol;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An element of {@link JcFolder}'s collections: it maps no reference to its folder (the folder's key is in a column of its table). */
@Entity
@Table(name = "ujc_note")
public class JcNote {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String text;

    protected JcNote() {}

    public JcNote(String text) { this.text = text; }

    public Long getId() { return id; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    @Override public String toString() { return "JcNote(" + text + ")"; }
}
