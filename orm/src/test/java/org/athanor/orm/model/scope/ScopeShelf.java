package org.athanor.orm.model.scope;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.ArrayList;
import java.util.List;

/** Mapped by two registries at once in RegistryScopeTestBase: its listener records which registry's instance loaded it. */
@Entity
@Table(name = "scope_shelf")
@EntityListeners(ScopeListener.class)
public class ScopeShelf {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @OneToMany(mappedBy = "shelf")
    private List<ScopeBook> books = new ArrayList<>();
    /** The listener instance whose {@code @PostLoad} ran last on this object. */
    @Transient
    private Object loadedBy;

    protected ScopeShelf() {}

    public ScopeShelf(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<ScopeBook> getBooks() { return books; }
    public Object getLoadedBy() { return loadedBy; }
    void setLoadedBy(Object listener) { this.loadedBy = listener; }
}
