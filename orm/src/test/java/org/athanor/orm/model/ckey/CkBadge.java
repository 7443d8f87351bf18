package org.athanor.orm.model.ckey;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The inverse side of a one-to-one whose owning side references this composite key (series, seq). */
@Entity
@Table(name = "ck_badge")
@IdClass(CkBadge.Key.class)
public class CkBadge {
    /** The key class: (series, seq). */
    public static class Key {
        private String series;
        private Integer seq;

        public Key() {}

        public Key(String series, Integer seq) {
            this.series = series;
            this.seq = seq;
        }

        @Override public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(k.series, series) && java.util.Objects.equals(k.seq, seq);
        }

        @Override public int hashCode() { return java.util.Objects.hash(series, seq); }
    }

    @Id private String series;
    @Id private Integer seq;
    @OneToOne(mappedBy = "badge") private CkHolder holder;

    protected CkBadge() {}

    public CkBadge(String series, int seq) {
        this.series = series;
        this.seq = seq;
    }

    public CkHolder getHolder() { return holder; }
}
