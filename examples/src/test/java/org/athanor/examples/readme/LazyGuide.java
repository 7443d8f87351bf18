package org.athanor.examples.readme;

import java.util.List;
import org.athanor.core.engine.Engine;
import org.athanor.orm.Registry;
import org.athanor.orm.Session;
import org.athanor.orm.SessionFactory;

/** The README's lazy to-one snippet: prints the statement report after each step. */
public class LazyGuide {
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "sqlite:///app.db";
        try (Engine engine = Engine.create(url)) {
            Registry registry = Registry.of(Author.class, Book.class);
            registry.metadata().createAll(engine);
            SessionFactory sessions = SessionFactory.of(engine, registry).withStatementReport();
            try (Session session = sessions.openSession()) {
                Author ann = new Author("Ann"), bob = new Author("Bob");
                session.addAll(List.of(new Book("A", ann), new Book("B", ann), new Book("C", bob)));
                session.commit();
            }
            try (Session session = sessions.openSession()) {
                List<Book> books = session.query(Book.class).all();   // 1 SELECT: no author is read
                Author a = books.get(0).getAuthor();                  // an Author_Proxy: no SELECT
                a.getId();                                            // the key is known: no SELECT
                a.getName();                                          // 1 SELECT for every author of the result
                books.get(2).getAuthor().getName();                   // loaded with it: no SELECT
                System.out.println(session.statementReport().byOrigin());
            }
        }
    }
}
