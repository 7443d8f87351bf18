package org.athanor.orm.model.assoc;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * An association object (SQLAlchemy's pattern): two references and an extra column. Its key is a surrogate
 * id with the pair of key columns UNIQUE (derived identities, @Id on a reference / @MapsId, are refused).
 */
@Entity
@Table(name = "assoc_enrollment", uniqueConstraints = @UniqueConstraint(columnNames = {"student_id", "course_id"}))
public class Enrollment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "student_id")
    private Student student;
    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id")
    private Course course;
    private Integer grade;

    protected Enrollment() {}

    Enrollment(Student student, Course course) {
        this.student = student;
        this.course = course;
    }

    public Long getId() { return id; }
    public Student getStudent() { return student; }
    public Course getCourse() { return course; }
    public Integer getGrade() { return grade; }
    public void setGrade(Integer grade) { this.grade = grade; }
}
