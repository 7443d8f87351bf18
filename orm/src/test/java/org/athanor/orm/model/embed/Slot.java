package org.athanor.orm.model.embed;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An @EmbeddedId whose key columns are renamed by @AttributeOverride. */
@Entity
@Table(name = "emb_slots")
public class Slot {
    @EmbeddedId
    @AttributeOverride(name = "day", column = @Column(name = "slot_day", length = 10))
    public SlotKey key;
    public String label;

    protected Slot() {}
}
