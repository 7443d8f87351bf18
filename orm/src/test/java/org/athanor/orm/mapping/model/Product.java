package org.athanor.orm.mapping.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import java.time.OffsetDateTime;

/** Private fields, getters/setters, a private constructor and a converter; inherits id and createdAt. */
@Entity
public class Product extends BaseEntity<Long> {
    @Column(name = "product_name", nullable = false, updatable = false)
    private String name;
    @Lob
    private String description;
    @Convert(converter = MoneyConverter.class)
    private Money price;
    private OffsetDateTime discontinuedAt;
    private double weight;

    private Product() {}

    public static Product create(String name) {
        Product p = new Product();
        p.name = name;
        return p;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Money getPrice() { return price; }
    public void setPrice(Money price) { this.price = price; }
    public double getWeight() { return weight; }
    public void setWeight(double weight) { this.weight = weight; }
    public OffsetDateTime discontinuedAtForTest() { return discontinuedAt; }
}
