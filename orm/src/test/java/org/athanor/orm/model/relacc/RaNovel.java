package org.athanor.orm.model.relacc;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

/** A subclass: its inherited references are the root's (read by the root's accessor), its own one by its own. */
@Entity
@DiscriminatorValue("novel")
public class RaNovel extends RaBook {
    @ManyToOne RaCurator editor;

    protected RaNovel() {}
    public RaNovel(String title) { super(title); }

    public RaCurator getEditor() { return editor; }
    public void setEditor(RaCurator editor) { this.editor = editor; }
}
