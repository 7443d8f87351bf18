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
    /** Issue 16: left out of INSERTs and UPDATEs (a column the database or another writer fills). */
    @jakarta.persistence.Column(length = 40, insertable = false, updatable = false)
    private String origin;
    /** Issue 16: written by the INSERT only. */
    @jakarta.persistence.Column(length = 40, updatable = false)
    private String createdBy;

    protected QuietWidget() {}

    public QuietWidget(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getOrigin() { return origin; }
    public void setOrigin(String origin) { this.origin = origin; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
}
