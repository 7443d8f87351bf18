package org.athanor.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Issue 14's concurrent request mix ({@link RequestMixBenchmark}): one entity mapped by both
 * Athanor's ORM and Hibernate 7 from the same annotations, on a table of its own
 * ({@value #TABLE}, created and dropped by the benchmark), with a setter for the request's change.
 */
@Entity
@Table(name = MixCustomer.TABLE)
public class MixCustomer {
    static final String TABLE = "bench_mix14_customer";

    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    @Column(length = 255) private String name;
    @Column(length = 255) private String description;

    protected MixCustomer() {}

    public MixCustomer(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** For the hand-written JDBC peer, which builds the same objects. */
    MixCustomer(Long id, String name, String description) {
        this(name, description);
        this.id = id;
    }

    void assignId(Long id) { this.id = id; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
}
