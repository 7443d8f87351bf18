package org.athanor.orm.model.akeys;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** References a UUID-keyed city and a date-keyed day: two to-one batches per result. */
@Entity
@Table(name = "ak_event")
public class AkEvent {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    private String title;
    @ManyToOne @JoinColumn(name = "city_id") private AkCity city;
    @ManyToOne @JoinColumn(name = "day_key") private AkDay day;

    protected AkEvent() {}

    public AkEvent(String title, AkCity city, AkDay day) {
        this.title = title;
        this.city = city;
        this.day = day;
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public AkCity getCity() { return city; }
    public AkDay getDay() { return day; }
}
