package org.athanor.orm.model.shard;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An order of the sharding tests; it carries its own region, so a test can choose a shard other than its customer's. */
@Entity
@Table(name = "shard_order")
public class ShardOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String item;
    private String region;
    @ManyToOne
    private ShardCustomer customer;

    protected ShardOrder() {}

    public ShardOrder(String item, String region, ShardCustomer customer) {
        this.item = item;
        this.region = region;
        this.customer = customer;
    }

    public Long getId() { return id; }
    public String getItem() { return item; }
    public String getRegion() { return region; }
    public ShardCustomer getCustomer() { return customer; }
    public void setCustomer(ShardCustomer customer) { this.customer = customer; }
}
