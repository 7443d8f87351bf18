package org.athanor.orm.model.ckey;

import java.util.Objects;

/** The @IdClass of {@link CkShipment}: (warehouse, number). */
public class CkShipmentId {
    private String warehouse;
    private Integer number;

    public CkShipmentId() {}

    public CkShipmentId(String warehouse, Integer number) {
        this.warehouse = warehouse;
        this.number = number;
    }

    @Override public boolean equals(Object o) {
        return o instanceof CkShipmentId k && Objects.equals(k.warehouse, warehouse) && Objects.equals(k.number, number);
    }

    @Override public int hashCode() { return Objects.hash(warehouse, number); }
}
