package org.athanor.orm.model.badge;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** Keyed by its holder (JPA's derived identity, {@code @Id} on the reference): its one key column is the reference's. */
@Entity
@IdClass(BadgeId.class)
@Table(name = "badge_badge")
public class Badge {
    @Id
    @OneToOne
    @JoinColumn(name = "holder_id")
    private BadgeHolder holder;
    private String label;

    protected Badge() {}

    public Badge(BadgeHolder holder, String label) {
        this.holder = holder;
        this.label = label;
    }

    public BadgeHolder getHolder() { return holder; }
    public String getLabel() { return label; }
}
