package org.athanor.orm.mapping.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/** A primitive generated key and a default sequence name; a timestamp version. */
@Entity
public class Ticket {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE)
    public long id;
    String title;
    @Version
    LocalDateTime modifiedAt;
}
