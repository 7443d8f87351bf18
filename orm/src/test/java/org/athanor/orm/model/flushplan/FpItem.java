package org.athanor.orm.model.flushplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row with a generated key and two nullable columns: the flush-plan suite's inserts and updates of varying shapes. */
@Entity
@Table(name = "fp_items")
public class FpItem {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    @Column(length = 40, nullable = false) private String name;
    private Integer qty;
    @Column(length = 40) private String note;

    protected FpItem() {}

    public FpItem(String name, Integer qty, String note) {
        this.name = name;
        this.qty = qty;
        this.note = note;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getQty() { return qty; }
    public void setQty(Integer qty) { this.qty = qty; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
