package org.athanor.orm.model.keys;

import java.util.Objects;

/** The @IdClass of {@link KeyEnrollment}: one field per @Id reference, of the referenced entity's id type. */
public class KeyEnrollmentId {
    private Long student;
    private Long course;

    public KeyEnrollmentId() {}

    public KeyEnrollmentId(Long student, Long course) {
        this.student = student;
        this.course = course;
    }

    @Override public boolean equals(Object o) {
        return o instanceof KeyEnrollmentId k && Objects.equals(k.student, student) && Objects.equals(k.course, course);
    }

    @Override public int hashCode() { return Objects.hash(student, course); }
}
