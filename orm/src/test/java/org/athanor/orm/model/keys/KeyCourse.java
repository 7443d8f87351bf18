package org.athanor.orm.model.keys;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "keys_course")
public class KeyCourse {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    @OneToMany(mappedBy = "course")
    @OrderBy("grade DESC")
    private Set<KeyEnrollment> enrollments = new HashSet<>();

    protected KeyCourse() {}

    public KeyCourse(String title) { this.title = title; }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public Set<KeyEnrollment> getEnrollments() { return enrollments; }
}
