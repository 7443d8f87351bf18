package org.athanor.orm.model.assoc;

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
@Table(name = "assoc_student")
public class Student {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @OneToMany(mappedBy = "student", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Enrollment> enrollments = new ArrayList<>();

    protected Student() {}

    public Student(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<Enrollment> getEnrollments() { return enrollments; }

    /** Enrolls in {@code course} with no grade yet: the association object carries the extra column. */
    public Enrollment enroll(Course course) {
        Enrollment e = new Enrollment(this, course);
        enrollments.add(e);
        return e;
    }
}
