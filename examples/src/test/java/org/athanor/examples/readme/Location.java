package org.athanor.examples.readme;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Location {
    private String street;
    @Column(length = 40) private String city;

    protected Location() {}                                                  // for the ORM
    public Location(String street, String city) { this.street = street; this.city = city; }

    public String getStreet() { return street; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
}
