package org.athanor.orm.model.akeys;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A parent keyed by a date: arrays do not carry dates, so its batches stay IN lists on every database. */
@Entity
@Table(name = "ak_day")
public class AkDay {
    @Id private LocalDate day;
    private String label;

    protected AkDay() {}

    public AkDay(LocalDate day, String label) {
        this.day = day;
        this.label = label;
    }

    public LocalDate getDay() { return day; }
    public String getLabel() { return label; }
}
