package org.athanor.orm.model.m2mkey;

import jakarta.persistence.Embeddable;
import java.util.Objects;

/** The {@code @EmbeddedId} of {@link MkPlayer}: (country, code). */
@Embeddable
public class MkPlayerKey {
    private String country;
    private String code;

    protected MkPlayerKey() {}

    public MkPlayerKey(String country, String code) {
        this.country = country;
        this.code = code;
    }

    public String getCountry() { return country; }
    public String getCode() { return code; }

    @Override public boolean equals(Object o) {
        return o instanceof MkPlayerKey k && Objects.equals(k.country, country) && Objects.equals(k.code, code);
    }

    @Override public int hashCode() { return Objects.hash(country, code); }
    @Override public String toString() { return country + "-" + code; }
}
