package org.athanor.orm.model.m2m;

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

/** The owning side of Student *..* Course: its @JoinTable names the secondary table and columns. */
@Entity
@Table(name = "m2m_student")
public class Student {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToMany
    @JoinTable(name = "m2m_student_course", joinColumns = @JoinColumn(name = "student_id"),
            inverseJoinColumns = @JoinColumn(name = "course_id", referencedColumnName = "id"))
    @OrderBy("title")
    private List<Course> courses = new ArrayList<>();

    protected Student() {}

    public Student(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<Course> getCourses() { return courses; }
    @Override public String toString() { return "Student(" + name + ")"; }
}
