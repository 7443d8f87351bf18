package org.athanor.orm.model.embed;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One embeddable type embedded twice: {@code home} with the embeddable's own columns, {@code work}
 * renamed by @AttributeOverride (one with a columnDefinition); {@code tier} has a columnDefinition too.
 */
@Entity
@Table(name = "emb_customers")
public class Customer {
    @Id @GeneratedValue
    public Long id;
    @Column(nullable = false, length = 50)
    public String name;
    @Embedded
    public Address home;
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "street", column = @Column(name = "work_street", length = 80)),
            @AttributeOverride(name = "city", column = @Column(name = "work_city", length = 60)),
            @AttributeOverride(name = "zip", column = @Column(name = "work_postcode", columnDefinition = "CHAR(5)")),
            @AttributeOverride(name = "floor", column = @Column(name = "work_floor"))})
    public Address work;
    @Column(columnDefinition = "CHAR(3)")
    public String tier;

    protected Customer() {}

    public Customer(String name, Address home, Address work) {
        this.name = name;
        this.home = home;
        this.work = work;
    }
}
