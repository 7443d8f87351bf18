package org.athanor.orm.mapping.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

@Entity
@IdClass(OrderLineKey.class)
public class OrderLine {
    @Id long orderId;
    @Id int lineNo;
    String sku;
    int quantity;
}
