package org.athanor.orm.processor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.athanor.orm.Registry;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.MappingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules that read other classes than the one mapped (LinkChecks: the links between entities; InheritanceChecks: a
 * hierarchy's tables and discriminator), shared: javac with the processor reports each mistake on the field or class,
 * in the words the runtime uses when it maps the class compiled without the processor.
 */
class LinkChecksTest {
    static List<LinkCheckErrorCases.LinkCase> cases() {
        List<LinkCheckErrorCases.LinkCase> all = new java.util.ArrayList<>(LinkCheckErrorCases.all());
        all.addAll(InheritanceCheckErrorCases.all());
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theProcessorReportsTheMistakeOnTheField(LinkCheckErrorCases.LinkCase c) {
        MappingErrorCases.Case k = c.asCase();
        TestJavac.Result r = TestJavac.compile(Map.of(k.className(), k.source()), true);
        assertEquals(List.of(k.compileError()), r.errors());
        assertTrue(r.errorSites().get(0).startsWith(c.site()), () -> "reported at: " + r.errorSites());
        assertFalse(r.hasGenerated("errors/" + c.name() + "/E_.java"), "nothing is generated for a broken entity");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRuntimeReportsItInTheSameWords(LinkCheckErrorCases.LinkCase c) {
        MappingErrorCases.Case k = c.asCase();
        TestJavac.Result r = TestJavac.compile(Map.of(k.className(), k.source()), false);
        assertTrue(r.success(), () -> "the case must compile: " + r.errors());
        Class<?> cls = r.load(k.className());
        MappingException e = assertThrows(MappingException.class, () -> ClassMapping.of(cls));
        assertEquals(k.runtimeError(), e.getMessage());
    }

    /** What the links accept, on both sides: the processor compiles it, the runtime maps and links it. */
    @Test
    void linksThatFitCompileAndRegister() {
        String src = "package links.ok;\nimport jakarta.persistence.*;\nimport java.util.*;\n"
                + "@Embeddable class Home { String city; }\n@Embeddable class K { Long x; Long y; }\n"
                + "@MappedSuperclass class Named { String name; }\n"
                + "@Entity @Inheritance public class A extends Named { @Id Long id; @Embedded Home home; "
                + "@ManyToMany(mappedBy = \"as\") @OrderBy(\"id DESC\") List<M> ms; }\n"
                + "@Entity class S extends A { }\n"
                + "@Entity class M { @Id Long id; @ManyToMany @OrderBy(\"name DESC, home.city\") List<A> as; "
                + "@OneToMany(mappedBy = \"m\") @OrderBy(\"x, y DESC\") Set<C> cs; @OneToOne(mappedBy = \"m\") U u; }\n"
                + "@MappedSuperclass class Ref<T> { @ManyToOne T m; }\n"
                + "@Entity class C extends Ref<M> { @EmbeddedId K key; }\n"
                + "@Entity class U { @Id Long id; @ManyToOne @JoinColumn(unique = true) M m; }\n";
        TestJavac.Result r = TestJavac.compile(Map.of("links.ok.A", src), true);
        assertTrue(r.success(), () -> r.errors().toString());
        List<Class<?>> classes = List.of("A", "S", "M", "C", "U").stream().<Class<?>>map(n -> r.load("links.ok." + n)).toList();
        Registry registry = Registry.of(classes.toArray(Class<?>[]::new));
        assertEquals(List.of("x", "y DESC"), ClassMapping.of(classes.get(2)).toMany("cs").orderBy());
        assertEquals(List.of("name DESC", "home.city"), ClassMapping.of(classes.get(2)).toMany("as").orderBy());
        assertNotNull(registry);
    }

    /**
     * A JOINED subclass's own columns are in its own table: one may have the name of a column of its parent's table, on
     * both sides (the processor compared them with the inherited attributes, unlike the runtime).
     */
    @Test
    void aJoinedSubclassColumnMayShareANameWithItsParentsColumn() {
        String src = "package joined.names;\nimport jakarta.persistence.*;\n"
                + "@Entity @Inheritance(strategy = InheritanceType.JOINED) public class P { @Id Long id; String name; }\n"
                + "@Entity class E extends P { @Column(name = \"name\") String label; }\n";
        TestJavac.Result r = TestJavac.compile(Map.of("joined.names.P", src), true);
        assertTrue(r.success(), () -> r.errors().toString());
        assertEquals("name", ClassMapping.of(r.load("joined.names.E")).attribute("label").column().name());
    }

    /**
     * One discriminator value per class: the processor checks the hierarchy's classes it compiles (on the second class),
     * the runtime the registered ones, in the same words.
     */
    @Test
    void twoClassesOfAHierarchyCannotShareADiscriminatorValue() {
        String src = "package disc.same;\nimport jakarta.persistence.*;\n@Entity @Inheritance public class A { @Id Long id; }\n"
                + "@Entity @DiscriminatorValue(\"x\") class B extends A { }\n@Entity @DiscriminatorValue(\"x\") class C extends A { }\n"
                + "@Entity @DiscriminatorValue(\"y\") class D extends A { }\n";
        String message = "disc.same.B and disc.same.C both have the discriminator value 'x'; give each class of the hierarchy its "
                + "own @DiscriminatorValue";
        TestJavac.Result compiled = TestJavac.compile(Map.of("disc.same.A", src), true);
        assertEquals(List.of(message), compiled.errors());
        assertTrue(compiled.errorSites().get(0).startsWith("class C "), () -> "reported at: " + compiled.errorSites());
        TestJavac.Result r = TestJavac.compile(Map.of("disc.same.A", src), false);
        Class<?>[] classes = List.of("A", "B", "C", "D").stream().<Class<?>>map(n -> r.load("disc.same." + n)).toArray(Class<?>[]::new);
        MappingException e = assertThrows(MappingException.class, () -> Registry.of(classes));
        assertEquals(message, e.getMessage());
        Registry.of(classes[0], classes[1], classes[3]); // the registry knows only the classes it is given
    }

    /**
     * The other side of a link compiled elsewhere (here a test entity on the class path) is read from its class file: the
     * processor checks the link at compile time too.
     */
    @Test
    void aTargetCompiledElsewhereIsReadFromItsClassFile() {
        String bad = "package links.elsewhere;\nimport jakarta.persistence.*;\nimport org.athanor.orm.model.one.Passport;\n"
                + "@Entity public class E { @Id Long id; @OneToOne(mappedBy = \"holder\") Passport passport; }\n";
        String message = "links.elsewhere.E.passport: @OneToOne(mappedBy = \"holder\") must name an owning @OneToOne of Passport "
                + "referencing E (its key column UNIQUE); its references are [holder -> Person]";
        assertEquals(List.of(message), TestJavac.compile(Map.of("links.elsewhere.E", bad), true).errors());
        TestJavac.Result r = TestJavac.compile(Map.of("links.elsewhere.E", bad), false);
        MappingException e = assertThrows(MappingException.class, () -> ClassMapping.of(r.load("links.elsewhere.E")));
        assertEquals(message, e.getMessage());
        String order = "package links.ordered;\nimport jakarta.persistence.*;\nimport java.util.*;\n"
                + "import org.athanor.orm.model.one.Passport;\n@Entity public class E { @Id Long id; "
                + "@ManyToMany @OrderBy(\"number DESC, holder\") Set<Passport> passports; }\n";
        assertEquals(List.of("links.ordered.E.passports: @OrderBy names 'holder', which is not an attribute of Passport"),
                TestJavac.compile(Map.of("links.ordered.E", order), true).errors());
        assertTrue(TestJavac.compile(Map.of("links.ordered.E", order.replace(", holder", "")), true).success());
    }
}
