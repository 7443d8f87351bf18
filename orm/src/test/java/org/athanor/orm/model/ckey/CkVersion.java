package org.athanor.orm.model.ckey;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A reference of an @IdClass entity to itself (columns parent_doc, parent_rev): the flush orders its rows by it. */
@Entity
@Table(name = "ck_version")
@IdClass(CkVersionId.class)
public class CkVersion {
    @Id private String doc;
    @Id private Integer rev;
    @ManyToOne private CkVersion parent;

    protected CkVersion() {}

    public CkVersion(String doc, int rev, CkVersion parent) {
        this.doc = doc;
        this.rev = rev;
        this.parent = parent;
    }

    public Integer getRev() { return rev; }
    public CkVersion getParent() { return parent; }
}
