package org.athanor.orm.model.badge;

import java.util.Objects;

/** The @IdClass of {@link Badge}: its one @Id reference's key, of the holder's id type. */
public class BadgeId {
    private Long holder;

    public BadgeId() {}

    public BadgeId(Long holder) { this.holder = holder; }

    @Override public boolean equals(Object o) { return o instanceof BadgeId k && Objects.equals(k.holder, holder); }

    @Override public int hashCode() { return Objects.hashCode(holder); }
}
