package org.athanor.orm.model;

import jakarta.persistence.Entity;
import jakarta.persistence.ExcludeSuperclassListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Excludes {@link Audited}'s listener; Audited's own callback method still runs (JPA). */
@Entity
@Table(name = "event_quiet_widgets")
@ExcludeSuperclassListeners
public class QuietWidget extends Audited {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    protected QuietWidget() {}

    public QuietWidget(String name) { this.name = name; }

    public Long getId() { return id; }
}
