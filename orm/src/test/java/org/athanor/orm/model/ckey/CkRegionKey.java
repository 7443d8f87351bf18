package org.athanor.orm.model.ckey;

import jakarta.persistence.Embeddable;
import java.util.Objects;

/** The @EmbeddedId of {@link CkRegion}: (country, code). */
@Embeddable
public class CkRegionKey {
    private String country;
    private String code;

    protected CkRegionKey() {}

    public CkRegionKey(String country, String code) {
        this.country = country;
        this.code = code;
    }

    public String getCountry() { return country; }
    public String getCode() { return code; }

    @Override public boolean equals(Object o) {
        return o instanceof CkRegionKey k && Objects.equals(k.country, country) && Objects.equals(k.code, code);
    }

    @Override public int hashCode() { return Objects.hash(country, code); }
    @Override public String toString() { return country + "-" + code; }
}
