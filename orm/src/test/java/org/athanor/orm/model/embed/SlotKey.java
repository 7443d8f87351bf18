package org.athanor.orm.model.embed;

import jakarta.persistence.Embeddable;

@Embeddable
public class SlotKey {
    public String day;
    public Integer hour;

    public SlotKey() {}

    @Override public boolean equals(Object o) { return o instanceof SlotKey k && java.util.Objects.equals(day, k.day) && java.util.Objects.equals(hour, k.hour); }
    @Override public int hashCode() { return java.util.Objects.hash(day, hour); }
}
