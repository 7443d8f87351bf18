package org.athanor.orm.mapping.model;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "shipments", schema = "logistics")
public class Shipment {
    @EmbeddedId public ShipmentKey key;
    int parcels;
}
