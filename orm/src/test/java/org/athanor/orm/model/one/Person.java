package org.athanor.orm.model.one;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The inverse side of a one-to-one: no column; Passport.holder (UNIQUE holder_id) is the relationship. */
@Entity
@Table(name = "one_person")
public class Person {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @OneToOne(mappedBy = "holder", cascade = CascadeType.ALL)
    private Passport passport;

    protected Person() {}

    public Person(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Passport getPassport() { return passport; }
    public void setPassport(Passport passport) { this.passport = passport; }
    @Override public String toString() { return "Person(" + name + ")"; }
}
