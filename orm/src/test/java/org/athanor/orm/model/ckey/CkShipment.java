package org.athanor.orm.model.ckey;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** An entity with an @IdClass key of two columns, referenced by {@link CkParcel#getShipment()}. */
@Entity
@Table(name = "ck_shipment")
@IdClass(CkShipmentId.class)
public class CkShipment {
    @Id private String warehouse;
    @Id private Integer number;
    private String carrier;
    @OneToMany(mappedBy = "shipment")
    @OrderBy("label")
    private List<CkParcel> parcels = new ArrayList<>();

    protected CkShipment() {}

    public CkShipment(String warehouse, int number, String carrier) {
        this.warehouse = warehouse;
        this.number = number;
        this.carrier = carrier;
    }

    public String getWarehouse() { return warehouse; }
    public Integer getNumber() { return number; }
    public String getCarrier() { return carrier; }
    public void setCarrier(String carrier) { this.carrier = carrier; }
    public List<CkParcel> getParcels() { return parcels; }

    @Override public String toString() { return "CkShipment(" + warehouse + ", " + number + ")"; }
}
