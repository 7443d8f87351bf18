package org.athanor.orm.model.embed;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An embeddable value: its fields are columns of the table of each entity embedding it. */
@Embeddable
public class Address {
    public String street;
    @Column(length = 40)
    public String city;
    @Column(name = "postcode", length = 10)
    public String zip;
    /** A primitive: its column is still nullable, as the whole address may be absent. */
    public int floor;

    public Address() {}

    public Address(String street, String city, String zip, int floor) {
        this.street = street;
        this.city = city;
        this.zip = zip;
        this.floor = floor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && java.util.Objects.equals(street, a.street) && java.util.Objects.equals(city, a.city)
                && java.util.Objects.equals(zip, a.zip) && floor == a.floor;
    }

    @Override public int hashCode() { return java.util.Objects.hash(street, city, zip, floor); }
    @Override public String toString() { return street + ", " + zip + " " + city + " (floor " + floor + ")"; }
}
