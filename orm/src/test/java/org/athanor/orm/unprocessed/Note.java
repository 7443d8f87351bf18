package org.athanor.orm.unprocessed;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An entity the processor skips (-Aathanor.orm.exclude): mapped with MethodHandles at run time. */
@Entity
public class Note {
    @Id @GeneratedValue
    private Long id;
    private String text;

    protected Note() {}

    public Note(String text) { this.text = text; }

    public String text() { return text; }
}
