package org.athanor.orm.model.keys;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "keys_student")
public class KeyStudent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @OneToMany(mappedBy = "student", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<KeyEnrollment> enrollments = new ArrayList<>();
    @OneToMany(mappedBy = "student", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<KeyMembership> memberships = new ArrayList<>();

    protected KeyStudent() {}

    public KeyStudent(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<KeyEnrollment> getEnrollments() { return enrollments; }
    public List<KeyMembership> getMemberships() { return memberships; }

    /** Joins {@code course} in {@code role}: the association object's @EmbeddedId is filled by the flush. */
    public KeyMembership join(KeyCourse course, String role) {
        KeyMembership m = new KeyMembership(this, course, role);
        memberships.add(m);
        return m;
    }

    /** Enrolls in {@code course}: the association object, keyed by (student, course), carries the grade. */
    public KeyEnrollment enroll(KeyCourse course, Integer grade) {
        KeyEnrollment e = new KeyEnrollment(this, course, grade);
        enrollments.add(e);
        return e;
    }
}
