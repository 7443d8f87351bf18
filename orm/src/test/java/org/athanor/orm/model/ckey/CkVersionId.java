package org.athanor.orm.model.ckey;

import java.util.Objects;

/** The @IdClass of {@link CkVersion}: (doc, rev). */
public class CkVersionId {
    private String doc;
    private Integer rev;

    public CkVersionId() {}

    public CkVersionId(String doc, Integer rev) {
        this.doc = doc;
        this.rev = rev;
    }

    @Override public boolean equals(Object o) { return o instanceof CkVersionId k && Objects.equals(k.doc, doc) && Objects.equals(k.rev, rev); }
    @Override public int hashCode() { return Objects.hash(doc, rev); }
}
