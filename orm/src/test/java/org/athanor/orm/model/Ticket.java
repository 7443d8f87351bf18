package org.athanor.orm.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Ids from a database sequence (PostgreSQL), which the registry's createAll creates starting at 500. */
@Entity
@Table(name = "tickets")
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
    @SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", initialValue = 500, allocationSize = 50)
    private Long id;
    @Column(length = 50)
    private String subject;

    protected Ticket() {}

    public Ticket(String subject) { this.subject = subject; }

    public Long getId() { return id; }
    public String getSubject() { return subject; }
}
