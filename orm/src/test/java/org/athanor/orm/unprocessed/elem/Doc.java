package org.athanor.orm.unprocessed.elem;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** The root of a JOINED hierarchy with an element collection; {@link Report} adds one of its own. */
@Entity
@Table(name = "ec_doc")
@Inheritance(strategy = InheritanceType.JOINED)
public class Doc {
    @Id @GeneratedValue Long id;
    String title;
    @ElementCollection Set<String> keywords = new HashSet<>();

    protected Doc() {}

    public Doc(String title) { this.title = title; }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public Set<String> getKeywords() { return keywords; }
}
