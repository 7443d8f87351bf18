package org.athanor.examples.relationships;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** The owning side of a many-to-many: its @JoinTable names the secondary table enrollment(student_id, course_id). */
@Entity
@Table(name = "student")
public class Student {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToMany
    @JoinTable(name = "enrollment", joinColumns = @JoinColumn(name = "student_id"),
            inverseJoinColumns = @JoinColumn(name = "course_id"))
    @OrderBy("title")
    private List<Course> courses = new ArrayList<>();

    protected Student() {}

    public Student(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<Course> getCourses() { return courses; }
    @Override public String toString() { return "Student(" + name + ")"; }
}
