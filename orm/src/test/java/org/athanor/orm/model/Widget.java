package org.athanor.orm.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/** An entity with a listener of its own, its superclass's listener, and callbacks (issue 16's event tests). */
@Entity
@Table(name = "event_widgets")
@EntityListeners(WidgetListener.class)
@ExcludeDefaultListeners
public class Widget extends Audited {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(length = 40)
    private String note;
    private Integer edits;

    protected Widget() {}

    public Widget(String name) { this.name = name; }

    @PrePersist
    void prePersist() { log("PrePersist", this); }

    @PreUpdate
    void preUpdate() { log("PreUpdate", this); }

    public Long getId() { return id; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Integer getEdits() { return edits; }
    public void setEdits(Integer edits) { this.edits = edits; }
}
