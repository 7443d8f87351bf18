package org.athanor.orm.model.one;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The owning side of Person.passport: its holder_id column is UNIQUE. */
@Entity
@Table(name = "one_passport")
public class Passport {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    @OneToOne
    @JoinColumn(name = "holder_id")
    private Person holder;

    protected Passport() {}

    public Passport(String number) { this.number = number; }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public Person getHolder() { return holder; }
    public void setHolder(Person holder) { this.holder = holder; }
    @Override public String toString() { return "Passport(" + number + ")"; }
}
