package org.athanor.benchmarks.inherit;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("dog")
public class BenchDog extends BenchPet {
    @Column(length = 255) public String breed;
}
