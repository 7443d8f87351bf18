package org.athanor.orm.model.m2mkey;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code @IdClass} owner of two many-to-manys: {@link #players} to the {@code @EmbeddedId} {@link MkPlayer}
 * (join columns named, listed out of key order; inverse columns JPA's defaults; cascade REFRESH) and {@link #tags} to the single-key
 * {@link MkTag} (all defaults, cascade ALL).
 */
@Entity
@Table(name = "mk_team")
@IdClass(MkTeamId.class)
public class MkTeam {
    @Id private String league;
    @Id private Integer number;
    private String name;
    @ManyToMany(cascade = CascadeType.REFRESH)
    @JoinTable(name = "mk_roster",
            joinColumns = {@JoinColumn(name = "team_no", referencedColumnName = "number"),
                           @JoinColumn(name = "team_league", referencedColumnName = "league")})
    @OrderBy("name")
    private List<MkPlayer> players = new ArrayList<>();
    @ManyToMany(cascade = CascadeType.ALL)
    @OrderBy("label")
    private List<MkTag> tags = new ArrayList<>();

    protected MkTeam() {}

    public MkTeam(String league, int number, String name) {
        this.league = league;
        this.number = number;
        this.name = name;
    }

    public String getLeague() { return league; }
    public Integer getNumber() { return number; }
    public String getName() { return name; }
    public List<MkPlayer> getPlayers() { return players; }
    public List<MkTag> getTags() { return tags; }

    @Override public String toString() { return "MkTeam(" + league + ", " + number + ")"; }
}
