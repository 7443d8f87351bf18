package org.athanor.orm.model.shard;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A customer of the sharding tests: its region decides its shard; ids are generated per shard. */
@Entity
@Table(name = "shard_customer")
public class ShardCustomer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String region;
    private Integer spent;
    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL)
    private List<ShardOrder> orders = new ArrayList<>();

    protected ShardCustomer() {}

    public ShardCustomer(String name, String region, Integer spent) {
        this.name = name;
        this.region = region;
        this.spent = spent;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRegion() { return region; }
    public Integer getSpent() { return spent; }
    public List<ShardOrder> getOrders() { return orders; }
    @Override public String toString() { return "ShardCustomer(" + id + ", " + name + ", " + region + ", " + spent + ")"; }
}
