package org.athanor.orm.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A string key chosen by the application. */
@Entity
@Table(name = "tags")
public class Tag {
    @Id
    @Column(length = 40)
    private String code;
    @Column(length = 100)
    private String label;
    private int weight;

    protected Tag() {}

    public Tag(String code, String label, int weight) {
        this.code = code;
        this.label = label;
        this.weight = weight;
    }

    public String getCode() { return code; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public int getWeight() { return weight; }
    public void setWeight(int weight) { this.weight = weight; }
}
