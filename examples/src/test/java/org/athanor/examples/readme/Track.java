package org.athanor.examples.readme;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An element of {@link Album#getTracks()}: no field for its album. */
@Entity
@Table(name = "readme_track")
public class Track {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    private String title;

    protected Track() {}
    public Track(String title) { this.title = title; }

    public String getTitle() { return title; }
}
