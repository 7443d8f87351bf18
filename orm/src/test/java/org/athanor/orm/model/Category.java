package org.athanor.orm.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A self-referential table mapped by a plain FK column (relationships come with a later issue):
 * {@code categories.parent_id references categories(id)}, added to the mapped table by the tests that
 * use it. Ids are chosen by the application, so rows can reference rows of the same flush.
 */
@Entity
@Table(name = "categories")
public class Category {
    @Id
    private Long id;
    private Long parentId;
    private String name;

    protected Category() {}

    public Category(long id, Long parentId, String name) {
        this.id = id;
        this.parentId = parentId;
        this.name = name;
    }

    public Long getId() { return id; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public String getName() { return name; }
}
