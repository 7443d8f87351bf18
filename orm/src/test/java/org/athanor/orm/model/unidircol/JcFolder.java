package org.athanor.orm.model.unidircol;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Unidirectional {@code @OneToMany @JoinColumn} collections, keyed in the elements' tables (no element maps a reference
 * back): {@code docs} (column folder_id, named FOREIGN KEY, cascade ALL, orphan removal, ordered by title), {@code notes}
 * (a Set, JPA's default column notes_id, no cascade) and {@code pages} (column folder_ref NOT NULL, which needs cascade
 * REMOVE and orphan removal; inserted with the key).
 */
@Entity
@Table(name = "ujc_folder")
public class JcFolder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "folder_id", foreignKey = @ForeignKey(name = "fk_ujc_doc_folder"))
    @OrderBy("title")
    private List<JcDoc> docs = new ArrayList<>();
    @OneToMany
    @JoinColumn
    @OrderBy("text DESC")
    private Set<JcNote> notes = new LinkedHashSet<>();
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "folder_ref", nullable = false)
    private List<JcPage> pages = new ArrayList<>();

    protected JcFolder() {}

    public JcFolder(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<JcDoc> getDocs() { return docs; }
    public Set<JcNote> getNotes() { return notes; }
    public List<JcPage> getPages() { return pages; }
    @Override public String toString() { return "JcFolder(" + name + ")"; }
}
