package org.athanor.orm.model.ondelete;

import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.orm.mapping.OnDelete;

/**
 * References with ON DELETE: deleting its folder deletes the doc, deleting its archive clears the reference; the
 * guard's constraint is named by {@code @ForeignKey(name)}.
 */
@Entity
@Table(name = "od_doc")
public class Doc {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    @ManyToOne(optional = false)
    @JoinColumn(name = "folder_id")
    @OnDelete(ReferentialAction.CASCADE)
    private Folder folder;
    @ManyToOne
    @JoinColumn(name = "archive_id")
    @OnDelete(ReferentialAction.SET_NULL)
    private Folder archive;
    @ManyToOne
    @JoinColumn(name = "guard_id", foreignKey = @ForeignKey(name = "od_doc_guard_fk"))
    @OnDelete(ReferentialAction.RESTRICT)
    private Folder guard;

    protected Doc() {}

    public Doc(String title, Folder folder, Folder archive, Folder guard) {
        this.title = title;
        this.folder = folder;
        this.archive = archive;
        this.guard = guard;
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public Folder getFolder() { return folder; }
    public Folder getArchive() { return archive; }
    public Folder getGuard() { return guard; }
}
