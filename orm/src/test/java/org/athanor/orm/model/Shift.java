package org.athanor.orm.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/** Optimistic locking by a LocalDateTime (wall time, no zone). */
@Entity
@Table(name = "shifts")
public class Shift {
    @Id
    private Long id;
    @Version
    private LocalDateTime modifiedAt;
    @Column(length = 100)
    private String worker;

    protected Shift() {}

    public Shift(Long id, String worker) {
        this.id = id;
        this.worker = worker;
    }

    public Long getId() { return id; }
    public LocalDateTime getModifiedAt() { return modifiedAt; }
    public String getWorker() { return worker; }
    public void setWorker(String worker) { this.worker = worker; }
}
