package org.athanor.orm.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** Optimistic locking by an OffsetDateTime. */
@Entity
@Table(name = "bookings")
public class Booking {
    @Id
    private Long id;
    @Version
    private OffsetDateTime changedAt;
    @Column(length = 100)
    private String room;

    protected Booking() {}

    public Booking(Long id, String room) {
        this.id = id;
        this.room = room;
    }

    public Long getId() { return id; }
    public OffsetDateTime getChangedAt() { return changedAt; }
    public String getRoom() { return room; }
    public void setRoom(String room) { this.room = room; }
}
