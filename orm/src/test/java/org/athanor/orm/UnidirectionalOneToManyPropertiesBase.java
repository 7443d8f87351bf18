package org.athanor.orm;

import java.util.Collection;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.model.unidir.UniBook;
import org.athanor.orm.model.unidir.UniShelf;

/** {@link OneToManyPropertiesBase} over a join-table {@code @OneToMany} (UniShelf.books: cascade ALL, orphanRemoval). */
public abstract class UnidirectionalOneToManyPropertiesBase extends OneToManyPropertiesBase<UniShelf, UniBook> {
    @Override Registry registry() { return UnidirectionalOneToManyTestBase.REGISTRY; }
    @Override UniShelf newOwner(String name) { return new UniShelf(name); }
    @Override UniBook newElement(String title) { return new UniBook(title); }
    @Override Collection<UniBook> items(UniShelf owner) { return owner.getBooks(); }
    @Override String title(UniBook element) { return element.getTitle(); }
    @Override Class<UniShelf> ownerClass() { return UniShelf.class; }
    @Override Class<UniBook> elementClass() { return UniBook.class; }
    @Override Secondary link() { return UnidirectionalOneToManyTestBase.BOOKS; }
}
