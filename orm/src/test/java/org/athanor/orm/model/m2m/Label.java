package org.athanor.orm.model.m2m;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The target of Item.labels, with no collection of its own. */
@Entity
@Table(name = "m2m_label")
public class Label {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String text;

    protected Label() {}

    public Label(String text) { this.text = text; }

    public Long getId() { return id; }
    public String getText() { return text; }
}
