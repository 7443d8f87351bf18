package org.athanor.orm;

import java.util.Collection;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.model.unidircol.JcDoc;
import org.athanor.orm.model.unidircol.JcFolder;

/**
 * {@link OneToManyPropertiesBase} over a {@code @OneToMany @JoinColumn} (JcFolder.docs: the key column
 * ujc_doc.folder_id, cascade ALL, orphanRemoval).
 */
public abstract class JoinColumnOneToManyPropertiesBase extends OneToManyPropertiesBase<JcFolder, JcDoc> {
    @Override Registry registry() { return JoinColumnOneToManyTestBase.REGISTRY; }
    @Override JcFolder newOwner(String name) { return new JcFolder(name); }
    @Override JcDoc newElement(String title) { return new JcDoc(title); }
    @Override Collection<JcDoc> items(JcFolder owner) { return owner.getDocs(); }
    @Override String title(JcDoc element) { return element.getTitle(); }
    @Override Class<JcFolder> ownerClass() { return JcFolder.class; }
    @Override Class<JcDoc> elementClass() { return JcDoc.class; }
    @Override Secondary link() { return JoinColumnOneToManyTestBase.DOCS; }
}
