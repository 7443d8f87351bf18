package org.athanor.benchmarks.inherit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "bench_inh_truck")
public class BenchTruck extends BenchVehicle {
    public Double payload;
}
