package org.athanor.orm.model.badge;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The inverse side of {@link Badge#getHolder()}, whose key is the badge's own: a one-to-one by derived identity. */
@Entity
@Table(name = "badge_holder")
public class BadgeHolder {
    @Id
    private Long id;
    private String name;
    @OneToOne(mappedBy = "holder")
    private Badge badge;

    protected BadgeHolder() {}

    public BadgeHolder(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Badge getBadge() { return badge; }
}
