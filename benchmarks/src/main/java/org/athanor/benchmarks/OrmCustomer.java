package org.athanor.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The issue 5 benchmark entity, mapped by both Athanor's ORM and Hibernate 7 from the same annotations. */
@Entity
@Table(name = "bench_orm_customer")
public class OrmCustomer {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    @Column(length = 255) private String name;
    @Column(length = 255) private String description;

    protected OrmCustomer() {}

    public OrmCustomer(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** For the hand-written JDBC peer, which builds the same objects. */
    OrmCustomer(Long id, String name, String description) {
        this(name, description);
        this.id = id;
    }

    void assignId(Long id) { this.id = id; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getDescription() { return description; }
}
