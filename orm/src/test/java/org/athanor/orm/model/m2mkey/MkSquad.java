package org.athanor.orm.model.m2mkey;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An {@code @IdClass} owner of element collections: {@link #colors} with JPA's default names, {@link #fixtures} an
 * {@code @OrderColumn} List whose join columns are named, listed out of key order.
 */
@Entity
@Table(name = "mk_squad")
@IdClass(MkTeamId.class)
public class MkSquad {
    @Id private String league;
    @Id private Integer number;
    @ElementCollection
    private Set<String> colors = new LinkedHashSet<>();
    @ElementCollection
    @OrderColumn
    @CollectionTable(name = "mk_squad_fixture", joinColumns = {@JoinColumn(name = "sq_no", referencedColumnName = "number"),
            @JoinColumn(name = "sq_league", referencedColumnName = "league")})
    private List<String> fixtures = new ArrayList<>();

    protected MkSquad() {}

    public MkSquad(String league, int number) {
        this.league = league;
        this.number = number;
    }

    public String getLeague() { return league; }
    public Integer getNumber() { return number; }
    public Set<String> getColors() { return colors; }
    public List<String> getFixtures() { return fixtures; }

    @Override public String toString() { return "MkSquad(" + league + ", " + number + ")"; }
}
