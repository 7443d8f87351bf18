package org.athanor.examples.relationships;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** The other side of Student.courses (mappedBy): the same secondary rows, read from the course. */
@Entity
@Table(name = "course")
public class Course {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    @ManyToMany(mappedBy = "courses")
    @OrderBy("name")
    private List<Student> students = new ArrayList<>();

    protected Course() {}

    public Course(String title) { this.title = title; }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public List<Student> getStudents() { return students; }
    @Override public String toString() { return "Course(" + title + ")"; }
}
