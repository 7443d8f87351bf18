package org.athanor.benchmarks.inherit;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("cat")
public class BenchCat extends BenchPet {
    public Boolean indoor;
}
