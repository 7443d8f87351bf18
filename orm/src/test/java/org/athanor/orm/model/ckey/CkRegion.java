package org.athanor.orm.model.ckey;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An entity with an @EmbeddedId of two columns, referenced by {@link CkStore#getRegion()} with JPA's default column names. */
@Entity
@Table(name = "ck_region")
public class CkRegion {
    @EmbeddedId private CkRegionKey key;
    private String name;

    protected CkRegion() {}

    public CkRegion(String country, String code, String name) {
        this.key = new CkRegionKey(country, code);
        this.name = name;
    }

    public CkRegionKey getKey() { return key; }
    public String getName() { return name; }

    @Override public String toString() { return "CkRegion(" + key + ")"; }
}
