package org.athanor.orm.model.keys;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An association object keyed by the pair it links (JPA's derived identity through an @IdClass). */
@Entity
@IdClass(KeyEnrollmentId.class)
@Table(name = "keys_enrollment")
public class KeyEnrollment {
    @Id
    @ManyToOne
    @JoinColumn(name = "student_id")
    private KeyStudent student;
    @Id
    @ManyToOne
    @JoinColumn(name = "course_id")
    private KeyCourse course;
    private Integer grade;

    protected KeyEnrollment() {}

    public KeyEnrollment(KeyStudent student, KeyCourse course, Integer grade) {
        this.student = student;
        this.course = course;
        this.grade = grade;
    }

    public KeyStudent getStudent() { return student; }
    public void setStudent(KeyStudent student) { this.student = student; }
    public KeyCourse getCourse() { return course; }
    public Integer getGrade() { return grade; }
    public void setGrade(Integer grade) { this.grade = grade; }
}
