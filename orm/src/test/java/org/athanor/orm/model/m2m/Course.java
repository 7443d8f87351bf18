package org.athanor.orm.model.m2m;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** The inverse side of Student *..* Course (mappedBy), a Set ordered by name descending. */
@Entity
@Table(name = "m2m_course")
public class Course {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    @ManyToMany(mappedBy = "courses")
    @OrderBy("name DESC")
    private Set<Student> students = new LinkedHashSet<>();

    protected Course() {}

    public Course(String title) { this.title = title; }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public Set<Student> getStudents() { return students; }
    @Override public String toString() { return "Course(" + title + ")"; }
}
