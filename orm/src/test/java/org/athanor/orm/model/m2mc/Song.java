package org.athanor.orm.model.m2mc;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** The inverse side of Playlist.songs (no cascade), and Song.samples: MERGE, REFRESH and DETACH but not REMOVE. */
@Entity
@Table(name = "m2mc_song")
public class Song {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    @ManyToMany(mappedBy = "songs")
    @OrderBy("name")
    private Set<Playlist> playlists = new LinkedHashSet<>();
    @ManyToMany(cascade = {CascadeType.MERGE, CascadeType.REFRESH, CascadeType.DETACH})
    @OrderBy("title")
    private Set<Song> samples = new LinkedHashSet<>();

    protected Song() {}

    public Song(String title) { this.title = title; }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Set<Playlist> getPlaylists() { return playlists; }
    public Set<Song> getSamples() { return samples; }
    @Override public String toString() { return "Song(" + title + ")"; }
}
