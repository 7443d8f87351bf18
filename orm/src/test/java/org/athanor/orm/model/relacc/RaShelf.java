package org.athanor.orm.model.relacc;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every kind of relationship field, reached each way the generated accessor has: a private collection (VarHandle),
 * a package-private set and a public list (the field itself), a private inverse one-to-one.
 */
@Entity
@Table(name = "ra_shelf")
public class RaShelf {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    private String name;
    @OneToMany(mappedBy = "shelf", cascade = CascadeType.ALL) @OrderBy("id") private List<RaBook> books = new ArrayList<>();
    @ManyToMany @JoinTable(name = "ra_shelf_tag") Set<RaTag> tags = new HashSet<>();
    @ElementCollection @CollectionTable(name = "ra_shelf_label", joinColumns = @JoinColumn(name = "shelf"))
    public Set<String> labels = new HashSet<>();
    @OneToOne(mappedBy = "shelf", cascade = CascadeType.ALL) private RaPlate plate;

    protected RaShelf() {}
    public RaShelf(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<RaBook> getBooks() { return books; }
    public Set<RaTag> getTags() { return tags; }
    public RaPlate getPlate() { return plate; }
    public void setPlate(RaPlate plate) { this.plate = plate; }
}
