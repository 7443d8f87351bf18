package org.athanor.orm.model.keys;

import jakarta.persistence.Embeddable;
import java.util.Objects;

/** The @EmbeddedId of {@link KeyMembership}: the flush fills it from the @MapsId references. */
@Embeddable
public class KeyMembershipId {
    private Long studentId;
    private Long courseId;

    public KeyMembershipId() {}

    public KeyMembershipId(Long studentId, Long courseId) {
        this.studentId = studentId;
        this.courseId = courseId;
    }

    public Long getStudentId() { return studentId; }
    public Long getCourseId() { return courseId; }

    @Override public boolean equals(Object o) {
        return o instanceof KeyMembershipId k && Objects.equals(k.studentId, studentId) && Objects.equals(k.courseId, courseId);
    }

    @Override public int hashCode() { return Objects.hash(studentId, courseId); }

    @Override public String toString() { return "(" + studentId + ", " + courseId + ")"; }
}
