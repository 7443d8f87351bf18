package org.athanor.orm.model.m2mkey;

import java.util.Objects;

/** The {@code @IdClass} of {@link MkTeam}: (league, number). */
public class MkTeamId {
    private String league;
    private Integer number;

    public MkTeamId() {}

    public MkTeamId(String league, Integer number) {
        this.league = league;
        this.number = number;
    }

    @Override public boolean equals(Object o) {
        return o instanceof MkTeamId k && Objects.equals(k.league, league) && Objects.equals(k.number, number);
    }

    @Override public int hashCode() { return Objects.hash(league, number); }
}
