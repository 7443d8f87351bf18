package org.athanor.benchmarks.inherit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "bench_inh_car")
public class BenchCar extends BenchVehicle {
    public Integer seats;
}
