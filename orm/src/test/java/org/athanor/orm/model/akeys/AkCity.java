package org.athanor.orm.model.akeys;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A child keyed by a UUID, itself referenced by events (a to-one batch over UUID keys). */
@Entity
@Table(name = "ak_city")
public class AkCity {
    @Id private UUID id;
    private String name;
    @ManyToOne @JoinColumn(name = "country_code") private AkCountry country;

    protected AkCity() {}

    public AkCity(UUID id, String name, AkCountry country) {
        this.id = id;
        this.name = name;
        this.country = country;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public AkCountry getCountry() { return country; }
}
