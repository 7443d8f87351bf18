package org.athanor.orm.model.disc;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** JOINED with a CHAR discriminator: a Grade row holds 'g', a Pass row 'p' (and its row in disc_pass). */
@Entity
@Table(name = "disc_grade")
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "g", discriminatorType = DiscriminatorType.CHAR)
@DiscriminatorValue("g")
public class Grade {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String student;

    protected Grade() {}

    public Grade(String student) { this.student = student; }
}
