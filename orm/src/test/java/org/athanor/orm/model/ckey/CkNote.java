package org.athanor.orm.model.ckey;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A fetch = LAZY reference to the @EmbeddedId key of {@link CkRegion}: a generated CkRegion_Proxy holds the key pair. */
@Entity
@Table(name = "ck_note")
public class CkNote {
    @Id @GeneratedValue private Long id;
    private String text;
    @ManyToOne(fetch = FetchType.LAZY) private CkRegion region;

    protected CkNote() {}

    public CkNote(String text, CkRegion region) {
        this.text = text;
        this.region = region;
    }

    public String getText() { return text; }
    public CkRegion getRegion() { return region; }
}
