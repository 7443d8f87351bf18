package org.athanor.orm.model.m2m;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** A many-to-many of an entity to itself: Person.following (owning, m2m_follow) and Person.followers (mappedBy). */
@Entity
@Table(name = "m2m_person")
public class Person {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToMany
    @JoinTable(name = "m2m_follow", joinColumns = @JoinColumn(name = "follower_id"),
            inverseJoinColumns = @JoinColumn(name = "followed_id"))
    @OrderBy("name")
    private Set<Person> following = new LinkedHashSet<>();
    @ManyToMany(mappedBy = "following")
    @OrderBy("name")
    private Set<Person> followers = new LinkedHashSet<>();

    protected Person() {}

    public Person(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Set<Person> getFollowing() { return following; }
    public Set<Person> getFollowers() { return followers; }
    @Override public String toString() { return "Person(" + name + ")"; }
}
