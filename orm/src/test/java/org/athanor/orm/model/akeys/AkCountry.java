package org.athanor.orm.model.akeys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A parent keyed by a string (PostgreSQL loads its cities with {@code country_code = ANY(?)}). */
@Entity
@Table(name = "ak_country")
public class AkCountry {
    @Id @Column(length = 8) private String code;
    private String name;
    @OneToMany(mappedBy = "country")
    @OrderBy("name")
    private List<AkCity> cities = new ArrayList<>();

    protected AkCountry() {}

    public AkCountry(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public List<AkCity> getCities() { return cities; }
}
