package org.athanor.orm.model.ondelete;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The referenced side of {@link Doc}'s two foreign keys with ON DELETE actions. */
@Entity
@Table(name = "od_folder")
public class Folder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;

    protected Folder() {}

    public Folder(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
}
