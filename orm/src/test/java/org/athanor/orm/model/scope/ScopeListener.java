package org.athanor.orm.model.scope;

import jakarta.persistence.PostLoad;

/** Marks each loaded shelf with this listener instance: one instance per registry mapping ScopeShelf. */
public class ScopeListener {
    @PostLoad
    void loaded(ScopeShelf shelf) { shelf.setLoadedBy(this); }
}
