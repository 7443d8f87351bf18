package org.athanor.orm.mapping.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class ShipmentKey {
    @Column(name = "carrier_code", length = 8)
    public String carrier;
    String trackingNo;

    public ShipmentKey() {}

    public ShipmentKey(String carrier, String trackingNo) {
        this.carrier = carrier;
        this.trackingNo = trackingNo;
    }
}
