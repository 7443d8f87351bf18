package org.athanor.orm.model.elem;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An owner of element collections: a Set of strings with JPA's default names, a List (a bag) in a named
 * collection table, a Set of enum values stored by name, and a List keeping its order (@OrderColumn).
 */
@Entity
@Table(name = "ec_person")
public class Person {
    public enum Color { RED, GREEN, BLUE }

    @Id @GeneratedValue Long id;
    String name;

    @ElementCollection Set<String> tags = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "ec_phone", joinColumns = @JoinColumn(name = "owner"))
    @Column(name = "number", length = 40)
    List<String> phones = new ArrayList<>();

    @ElementCollection @Enumerated(EnumType.STRING) Set<Color> colors = new HashSet<>();

    @ElementCollection @OrderColumn List<String> steps = new ArrayList<>();

    protected Person() {}

    public Person(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Set<String> getTags() { return tags; }
    public void setTags(Set<String> tags) { this.tags = tags; }
    public List<String> getPhones() { return phones; }
    public void setPhones(List<String> phones) { this.phones = phones; }
    public Set<Color> getColors() { return colors; }
    public List<String> getSteps() { return steps; }
}
