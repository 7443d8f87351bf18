package org.athanor.orm.model.flushplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row whose key the application assigns: the flush-plan suite's inserts returning nothing. */
@Entity
@Table(name = "fp_codes")
public class FpCode {
    @Id @Column(length = 20) private String code;
    @Column(length = 40) private String label;
    private Integer n;

    protected FpCode() {}

    public FpCode(String code, String label, Integer n) {
        this.code = code;
        this.label = label;
        this.n = n;
    }

    public String getCode() { return code; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public Integer getN() { return n; }
    public void setN(Integer n) { this.n = n; }
}
