package org.athanor.orm.model.m2mkey;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** An {@code @EmbeddedId} element of {@link MkTeam#getPlayers()}, with the inverse side {@link #teams}. */
@Entity
@Table(name = "mk_player")
public class MkPlayer {
    @EmbeddedId private MkPlayerKey key;
    private String name;
    @ManyToMany(mappedBy = "players")
    @OrderBy("name")
    private Set<MkTeam> teams = new LinkedHashSet<>();

    protected MkPlayer() {}

    public MkPlayer(String country, String code, String name) {
        this.key = new MkPlayerKey(country, code);
        this.name = name;
    }

    public MkPlayerKey getKey() { return key; }
    public String getName() { return name; }
    public Set<MkTeam> getTeams() { return teams; }

    @Override public String toString() { return "MkPlayer(" + key + ")"; }
}
