package org.athanor.orm.model;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/** An entity listener taking the entity's own type, changing it in its pre-callbacks (the changes are written). */
class WidgetListener {
    private WidgetListener() {} // any visibility: Athanor instantiates it

    @PrePersist
    private void stamp(Widget w) {
        if (w.getNote() == null) w.setNote("listener");
        Audited.log("Widget.PrePersist", w);
    }

    @PreUpdate
    void count(Widget w) {
        w.setEdits(w.getEdits() == null ? 1 : w.getEdits() + 1);
        Audited.log("Widget.PreUpdate", w);
    }
}
