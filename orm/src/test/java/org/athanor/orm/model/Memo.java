package org.athanor.orm.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Optimistic locking by an Instant: the version is the time of the last write. */
@Entity
@Table(name = "memos")
public class Memo {
    @Id
    private Long id;
    @Version
    private Instant updatedAt;
    @Column(length = 100)
    private String text;

    protected Memo() {}

    public Memo(Long id, String text) {
        this.id = id;
        this.text = text;
    }

    public Long getId() { return id; }
    public Instant getUpdatedAt() { return updatedAt; }
    /** Only for tests of an application-chosen first version. */
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
