package org.athanor.orm.model.ckey;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A NOT NULL reference to an @EmbeddedId key without @JoinColumns: its columns are region_country and region_code. */
@Entity
@Table(name = "ck_store")
public class CkStore {
    @Id @GeneratedValue private Long id;
    private String name;
    @ManyToOne(optional = false) private CkRegion region;

    protected CkStore() {}

    public CkStore(String name, CkRegion region) {
        this.name = name;
        this.region = region;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public CkRegion getRegion() { return region; }
    public void setRegion(CkRegion region) { this.region = region; }
}
