package org.athanor.orm.model.ckey;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A nullable reference to the composite key of {@link CkShipment}, its two columns named by @JoinColumns (listed out of key order). */
@Entity
@Table(name = "ck_parcel")
public class CkParcel {
    @Id @GeneratedValue private Long id;
    private String label;
    @ManyToOne
    @JoinColumns({@JoinColumn(name = "ship_no", referencedColumnName = "number"),
                  @JoinColumn(name = "ship_wh", referencedColumnName = "warehouse")})
    private CkShipment shipment;

    protected CkParcel() {}

    public CkParcel(String label, CkShipment shipment) {
        this.label = label;
        this.shipment = shipment;
    }

    public Long getId() { return id; }
    public String getLabel() { return label; }
    public CkShipment getShipment() { return shipment; }
    public void setShipment(CkShipment shipment) { this.shipment = shipment; }

    @Override public String toString() { return "CkParcel(" + label + ")"; }
}
