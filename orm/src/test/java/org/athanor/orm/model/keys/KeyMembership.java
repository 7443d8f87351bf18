package org.athanor.orm.model.keys;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;

/** An association object with an @EmbeddedId whose fields the @MapsId references fill (JPA's other derived-identity form). */
@Entity
@Table(name = "keys_membership")
public class KeyMembership {
    @EmbeddedId
    private KeyMembershipId id;
    @MapsId("studentId")
    @ManyToOne
    @JoinColumn(name = "student_id")
    private KeyStudent student;
    @MapsId("courseId")
    @ManyToOne
    private KeyCourse course;
    private String role;

    protected KeyMembership() {}

    public KeyMembership(KeyStudent student, KeyCourse course, String role) {
        this.student = student;
        this.course = course;
        this.role = role;
    }

    public KeyMembershipId getId() { return id; }
    public KeyStudent getStudent() { return student; }
    public void setStudent(KeyStudent student) { this.student = student; }
    public KeyCourse getCourse() { return course; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
}
