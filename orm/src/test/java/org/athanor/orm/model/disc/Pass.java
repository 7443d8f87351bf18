package org.athanor.orm.model.disc;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "disc_pass")
@DiscriminatorValue("p")
public class Pass extends Grade {
    public Integer score;

    protected Pass() {}

    public Pass(String student, int score) {
        super(student);
        this.score = score;
    }
}
