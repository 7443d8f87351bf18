package org.athanor.examples.readme;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Shopper {
    @Id @GeneratedValue private Long id;
    private String name;
    @Embedded private Location home;                                         // columns street, city
    @Embedded
    @AttributeOverride(name = "street", column = @Column(name = "work_street"))
    @AttributeOverride(name = "city", column = @Column(name = "work_city"))
    private Location work;                                                   // the same type again, renamed

    protected Shopper() {}                                                   // for the ORM
    public Shopper(String name, Location home, Location work) { this.name = name; this.home = home; this.work = work; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Location getHome() { return home; }
    public Location getWork() { return work; }
}
