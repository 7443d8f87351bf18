package org.athanor.examples.readme;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** The README's unidirectional {@code @OneToMany @JoinColumn}: the album's key in track.album_id, no field on Track. */
@Entity
@Table(name = "readme_album")
public class Album {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    private String title;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "album_id")
    @OrderBy("title")
    private List<Track> tracks = new ArrayList<>();   // readme_track.album_id; Track maps no reference back

    protected Album() {}
    public Album(String title) { this.title = title; }

    public Long getId() { return id; }
    public List<Track> getTracks() { return tracks; }
}
