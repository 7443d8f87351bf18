package org.athanor.orm.model.unidircol;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A mistake: a second owner whose {@code @JoinColumn} names JcFolder.docs' key column of ujc_doc (refused when mapped). */
@Entity
@Table(name = "ujc_other_folder")
public class JcOtherFolder {
    @Id private Long id;
    @OneToMany @JoinColumn(name = "folder_id") private List<JcDoc> docs = new ArrayList<>();

    protected JcOtherFolder() {}
}
