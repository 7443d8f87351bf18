package org.athanor.orm.model.rel;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The owning side of a one-to-one: its writer_id column is UNIQUE. */
@Entity
@Table(name = "rel2_profile")
public class Profile {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String bio;
    @OneToOne
    @JoinColumn(name = "writer_id")
    private Writer writer;

    protected Profile() {}

    public Profile(String bio, Writer writer) {
        this.bio = bio;
        this.writer = writer;
    }

    public Long getId() { return id; }
    public String getBio() { return bio; }
    public Writer getWriter() { return writer; }
}
