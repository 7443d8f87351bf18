package org.athanor.orm.model.ckey;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The owning side of a one-to-one to a composite key: badge_series, badge_seq, UNIQUE together. */
@Entity
@Table(name = "ck_holder")
public class CkHolder {
    @Id @GeneratedValue private Long id;
    private String name;
    @OneToOne private CkBadge badge;

    protected CkHolder() {}

    public CkHolder(String name, CkBadge badge) {
        this.name = name;
        this.badge = badge;
    }

    public String getName() { return name; }
    public CkBadge getBadge() { return badge; }
}
