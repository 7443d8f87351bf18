package org.athanor.orm.model.m2mkey;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-key element of {@link MkTeam#getTags()} (no inverse field), holding a unidirectional join-table
 * {@code @OneToMany} to the composite-keyed {@link MkPlayer} ({@link #featured}).
 */
@Entity
@Table(name = "mk_tag")
public class MkTag {
    @Id private Long id;
    private String label;
    @OneToMany
    @OrderBy("name")
    private List<MkPlayer> featured = new ArrayList<>();

    protected MkTag() {}

    public MkTag(long id, String label) {
        this.id = id;
        this.label = label;
    }

    public Long getId() { return id; }
    public String getLabel() { return label; }
    public List<MkPlayer> getFeatured() { return featured; }

    @Override public String toString() { return "MkTag(" + id + ")"; }
}
