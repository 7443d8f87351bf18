package org.athanor.examples.inheritance;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.StatementListener;
import org.athanor.orm.Registry;
import org.athanor.orm.Session;
import org.athanor.orm.SessionFactory;

/**
 * The inheritance walkthrough of the quickstart: the tutorial's Animal / Cat / Dog on one table with a
 * discriminator, then Staff / Engineer / Manager with a table per class (joined). Each step says how many
 * statements it issued: a polymorphic query is one SELECT either way.
 */
public final class InheritanceTutorial {
    private InheritanceTutorial() {}

    public static void run(Engine engine) {
        section("ORM inheritance, single table: Animal (abstract) with Cat and Dog in table animal, told apart by animal.type");
        Registry registry = Registry.of(Owner.class, Animal.class, Cat.class, Dog.class, Staff.class, Engineer.class, Manager.class);
        registry.metadata().createAll(engine);
        SessionFactory sessions = SessionFactory.of(engine, registry);
        AtomicInteger statements = new AtomicInteger();
        StatementListener counter = sql -> statements.incrementAndGet();
        engine.addStatementListener(counter);
        try {
            try (Session s = sessions.openSession()) {
                Owner ann = new Owner("ann");
                ann.getPets().addAll(List.of(new Cat("tom", true), new Dog("rex", "collie"), new Cat("felix", false)));
                s.add(ann);
                statements.set(0);
                s.commit();
                say("commit: " + statements.get() + " statements (the owner; then one INSERT per class, the cats and the dog, each row "
                        + "with its type)");
            }

            try (Session s = sessions.openSession()) {
                section("query(Animal.class) returns Cats and Dogs, each with its own attributes");
                statements.set(0);
                List<Animal> animals = s.query(Animal.class).orderBy(Animal_.name).all();
                say(animals + " in " + statements.get() + " statements (the animals; their owner, by id)");
                section("query(Cat.class) adds WHERE animal.type = 'cat'; filter on a subclass attribute through Cat_");
                say("indoor cats: " + s.query(Cat.class).filter(Cat_.indoor.eq(true)).all());
                Animal tom = s.query(Animal.class).filterBy("name", "tom").one();
                say("get(Animal.class, id) and get(Cat.class, id) are the same object: "
                        + (s.get(Animal.class, tom.getId()) == s.get(Cat.class, tom.getId())) + "; get(Dog.class, tom's id): "
                        + s.get(Dog.class, tom.getId()));
                Owner ann = tom.getOwner();
                statements.set(0);
                say(ann + "'s pets (a collection of Animal): " + List.copyOf(ann.getPets()) + ", loaded in " + statements.get()
                        + " statement");
            }

            section("ORM inheritance, joined: Staff in table staff, Engineer and Manager in their own tables");
            try (Session s = sessions.openSession()) {
                s.addAll(List.of(new Engineer("dilbert", "java"), new Manager("pointy", 100_000), new Staff("wally")));
                statements.set(0);
                s.commit();
                say("commit: " + statements.get() + " statements (per class, its staff row first, then its own table's row with "
                        + "the same id: engineer, manager, and wally's staff row alone)");
            }
            try (Session s = sessions.openSession()) {
                statements.set(0);
                List<Staff> everyone = s.query(Staff.class).orderBy(Staff_.name).all();
                say(everyone + " in " + statements.get() + " statement (staff LEFT OUTER JOIN engineer, manager)");
                Engineer dilbert = s.query(Engineer.class).filter(Engineer_.language.eq("java")).one();
                dilbert.setLanguage("kotlin");
                statements.set(0);
                s.commit();
                say("changing an engineer's language: " + statements.get() + " statement (only table engineer is updated)");
            }
        } finally {
            engine.removeStatementListener(counter);
        }
    }

    private static void section(String title) { System.out.println("\n== " + title); }

    private static void say(String line) { System.out.println("   " + line); }
}
