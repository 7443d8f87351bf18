package org.athanor.orm.model;

import java.util.Objects;

/** The @IdClass of {@link Enrollment}. */
public class EnrollmentKey {
    Long studentId;
    String course;

    public EnrollmentKey() {}

    public EnrollmentKey(Long studentId, String course) {
        this.studentId = studentId;
        this.course = course;
    }

    @Override public boolean equals(Object o) {
        return o instanceof EnrollmentKey k && Objects.equals(k.studentId, studentId) && Objects.equals(k.course, course);
    }

    @Override public int hashCode() { return Objects.hash(studentId, course); }
}
