package org.athanor.orm.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A composite primary key through @IdClass. */
@Entity
@IdClass(EnrollmentKey.class)
@Table(name = "enrollments")
public class Enrollment {
    @Id
    private Long studentId;
    @Id
    @Column(length = 20)
    private String course;
    private Integer grade;

    protected Enrollment() {}

    public Enrollment(Long studentId, String course, Integer grade) {
        this.studentId = studentId;
        this.course = course;
        this.grade = grade;
    }

    public Long getStudentId() { return studentId; }
    public String getCourse() { return course; }
    public Integer getGrade() { return grade; }
    public void setGrade(Integer grade) { this.grade = grade; }
}
