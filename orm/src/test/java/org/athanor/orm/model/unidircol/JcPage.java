package org.athanor.orm.model.unidircol;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An element of {@link JcFolder}'s collections: it maps no reference to its folder (the folder's key is in a column of its table). */
@Entity
@Table(name = "ujc_page")
public class JcPage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String label;

    protected JcPage() {}

    public JcPage(String label) { this.label = label; }

    public Long getId() { return id; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    @Override public String toString() { return "JcPage(" + label + ")"; }
}
