package org.athanor.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN "Public API and internals", held on the module descriptors and the compiled classes of every
 * module (this module's test class path has them all): a module exports its API and SPI packages and
 * nothing named {@code internal}; every other package is named {@code …internal…}; a public signature of
 * an exported package names no type of a package its module keeps to itself; a dialect uses only what
 * core exports to everyone. Qualified exports are pinned here, so adding one is a reviewed change of this
 * file; the signature rule holds with no exception (core's SPI names the exported {@code StatementTemplate},
 * {@code ResultColumns} and {@code KeyBuilder}, which its internal classes implement).
 */
class ModuleRulesTest {
    private static final String[] DIALECTS = {"org.athanor.sqlite", "org.athanor.postgres", "org.athanor.mysql"};

    /** Applications, not libraries: their packages are neither API nor internal. */
    private static final Set<String> APPLICATIONS = Set.of("org.athanor.examples");

    /** Qualified exports, as "module: package to target, target". */
    private static final Set<String> QUALIFIED_EXPORTS = Set.of(
            // the mapping rules shared by the runtime and the annotation processor
            "org.athanor.orm.rules: org.athanor.orm.rules to org.athanor.orm, org.athanor.orm.processor",
            // the mapping checks written once over a source-neutral view, run by both (wip-checks)
            "org.athanor.orm.rules: org.athanor.orm.rules.check to org.athanor.orm, org.athanor.orm.processor");

    /** Packages that are neither exported nor named internal (none). */
    private static final Set<String> UNEXPORTED_NOT_INTERNAL = Set.of();

    private static Map<String, ModuleDescriptor> modules;
    /** Module name → its directory of classes (or jar). */
    private static final Map<String, Path> roots = new TreeMap<>();
    /** Package → the Athanor module that holds it. */
    private static Map<String, ModuleDescriptor> owner;
    private static JavaClasses classes;

    @BeforeAll
    static void readModules() throws IOException {
        modules = new TreeMap<>();
        owner = new HashMap<>();
        for (URL url : Collections.list(ModuleRulesTest.class.getClassLoader().getResources("module-info.class"))) {
            // the module's root (a directory of classes, or a jar): ModuleFinder scans it for the module's packages,
            // which javac does not record in module-info.class
            String u = url.toString();
            Path root = u.startsWith("jar:") ? Path.of(URI.create(u.substring(4, u.indexOf("!/"))))
                    : Path.of(URI.create(u)).getParent();
            for (ModuleReference ref : ModuleFinder.of(root).findAll()) {
                ModuleDescriptor d = ref.descriptor();
                if (!d.name().startsWith("org.athanor.")) continue;
                modules.put(d.name(), d);
                roots.put(d.name(), root);
                for (String p : d.packages()) owner.put(p, d);
            }
        }
        assertEquals(Set.of("org.athanor.core", "org.athanor.sqlite", "org.athanor.postgres", "org.athanor.mysql",
                "org.athanor.orm", "org.athanor.orm.rules", "org.athanor.orm.processor", "org.athanor.examples"),
                modules.keySet(), "the modules on this test's class path");
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.athanor");
    }

    private static boolean internal(String pkg) {
        return pkg.contains(".internal.") || pkg.endsWith(".internal");
    }

    /** Exported to every module (not only to some). */
    private static boolean exported(String pkg) {
        ModuleDescriptor d = owner.get(pkg);
        return d != null && d.exports().stream().anyMatch(e -> e.source().equals(pkg) && !e.isQualified());
    }

    /**
     * A service registered in META-INF/services (read on the class path) is provided by the module
     * descriptor too (read on the module path); otherwise the service is missing for module-path users.
     * (A missing {@code uses} fails the ServiceLoader call itself, which ModulePathTest runs.)
     */
    @Test
    void everyRegisteredServiceIsProvidedByTheDescriptor() throws IOException {
        for (Map.Entry<String, Path> e : roots.entrySet()) {
            Map<String, Set<String>> registered = new TreeMap<>();
            Path root = e.getValue();
            try (java.nio.file.FileSystem fs = java.nio.file.Files.isDirectory(root) ? null
                    : java.nio.file.FileSystems.newFileSystem(root)) {
                Path services = (fs == null ? root : fs.getPath("/")).resolve("META-INF/services");
                if (!java.nio.file.Files.isDirectory(services)) continue;
                try (var files = java.nio.file.Files.list(services)) {
                    for (Path f : files.toList())
                        registered.put(f.getFileName().toString(), new TreeSet<>(java.nio.file.Files.readAllLines(f).stream()
                                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()));
                }
            }
            Map<String, Set<String>> provided = new TreeMap<>();
            for (ModuleDescriptor.Provides p : modules.get(e.getKey()).provides())
                provided.put(p.service(), new TreeSet<>(p.providers()));
            assertEquals(registered, provided, e.getKey() + ": META-INF/services against the descriptor's provides");
        }
    }

    @Test
    void noModuleExportsAnInternalPackage() {
        List<String> wrong = new ArrayList<>();
        for (ModuleDescriptor d : modules.values())
            for (ModuleDescriptor.Exports e : d.exports())
                if (internal(e.source()) && !e.isQualified()) wrong.add(d.name() + " exports " + e.source());
        assertEquals(List.of(), wrong);
    }

    @Test
    void qualifiedExportsAreThePinnedOnes() {
        Set<String> found = new TreeSet<>();
        for (ModuleDescriptor d : modules.values())
            for (ModuleDescriptor.Exports e : d.exports())
                if (e.isQualified()) {
                    assertTrue(e.targets().stream().allMatch(t -> t.startsWith("org.athanor.")),
                            d.name() + " exports " + e.source() + " outside Athanor: " + e.targets());
                    found.add(d.name() + ": " + e.source() + " to " + String.join(", ", new TreeSet<>(e.targets())));
                }
        assertEquals(new TreeSet<>(QUALIFIED_EXPORTS), found);
    }

    @Test
    void everyLibraryPackageIsExportedOrInternal() {
        Set<String> neither = new TreeSet<>();
        for (ModuleDescriptor d : modules.values()) {
            if (APPLICATIONS.contains(d.name())) continue;
            for (String p : d.packages()) {
                if (internal(p) || providerOnly(d, p)) continue;
                if (d.exports().stream().noneMatch(e -> e.source().equals(p))) neither.add(p);
            }
        }
        assertEquals(new TreeSet<>(UNEXPORTED_NOT_INTERNAL), neither, "packages neither exported nor named internal");
    }

    /** A package that holds only a service provider (the annotation processor) is the module's whole point, not API. */
    private static boolean providerOnly(ModuleDescriptor d, String pkg) {
        return d.provides().stream().anyMatch(p -> p.providers().stream().anyMatch(c -> c.startsWith(pkg + ".")));
    }

    @Test
    void publicSignaturesOfExportedPackagesNameNoUnexportedType() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : classes) if (exported(c.getPackageName())) exposures(c, found);
        assertEquals(Set.of(), found, "public API naming non-exported types");
    }

    /** The signature check sees internal types: the public classes of packages that are not exported name their own types. */
    @Test
    void theSignatureCheckSeesUnexportedTypes() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : classes) if (owner.containsKey(c.getPackageName()) && !exported(c.getPackageName())) exposures(c, found);
        assertFalse(found.isEmpty());
    }

    /** Where the public signature of {@code c} (supertypes, fields, constructors, methods) names a type of a non-exported package. */
    private static void exposures(JavaClass c, Set<String> found) {
        if (!visible(c)) return;
        checkType(c, "extends", c.getSuperclass().orElse(null), found);
        for (JavaType i : c.getInterfaces()) checkType(c, "implements", i, found);
        for (JavaField f : c.getFields()) if (visible(f)) checkType(c, f.getName(), f.getType(), found);
        for (JavaCodeUnit u : c.getCodeUnits()) {
            if (!visible(u) || u.getName().equals("<clinit>")) continue;
            checkType(c, u.getName() + "() returns", u.getReturnType(), found);
            for (JavaType t : u.getParameterTypes()) checkType(c, u.getName() + "() takes", t, found);
        }
    }

    /** Public, or protected in a class a user may extend. Members of package-private nested classes are not API. */
    private static boolean visible(JavaClass c) {
        if (!c.getModifiers().contains(JavaModifier.PUBLIC)) return false;
        return c.getEnclosingClass().map(ModuleRulesTest::visible).orElse(true);
    }

    private static boolean visible(JavaMember m) {
        if (m.getModifiers().contains(JavaModifier.PUBLIC)) return true;
        return m.getModifiers().contains(JavaModifier.PROTECTED) && !m.getOwner().getModifiers().contains(JavaModifier.FINAL);
    }

    private static void checkType(JavaClass in, String where, JavaType type, Set<String> found) {
        if (type == null) return;
        for (JavaClass t : type.getAllInvolvedRawTypes()) {
            JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
            ModuleDescriptor d = owner.get(base.getPackageName());
            if (d != null && !exported(base.getPackageName()))
                found.add(in.getName() + " " + where + " " + base.getName());
        }
    }

    /** Classes of {@code module} in a package it does not export to every module. */
    private static DescribedPredicate<JavaClass> notExportedBy(String module) {
        ModuleDescriptor d = modules.get(module);
        return DescribedPredicate.describe("in a package that " + module + " does not export to every module",
                c -> d.packages().contains(c.getPackageName()) && !exported(c.getPackageName()));
    }

    @Test
    void dialectsUseOnlyWhatCoreExportsToEveryone() {
        for (String d : DIALECTS)
            noClasses().that().resideInAPackage(d + "..").should().dependOnClassesThat(notExportedBy("org.athanor.core")).check(classes);
    }

    @Test
    void theOrmUsesOnlyWhatCoreExportsToIt() {
        ModuleDescriptor core = modules.get("org.athanor.core");
        DescribedPredicate<JavaClass> closed = DescribedPredicate.describe("in a package of org.athanor.core not exported to org.athanor.orm",
                c -> core.packages().contains(c.getPackageName()) && core.exports().stream().noneMatch(e -> e.source().equals(c.getPackageName())
                        && (!e.isQualified() || e.targets().contains("org.athanor.orm"))));
        noClasses().that().resideInAPackage("org.athanor.orm..").should().dependOnClassesThat(closed).check(classes);
    }

    /** The export rule sees a dependency on a package that is not exported: the ORM's API package uses its internals. */
    @Test
    void theExportRuleCatchesADependencyOnAnUnexportedPackage() {
        assertFalse(exported("org.athanor.orm.internal.flush"));
        assertTrue(noClasses().that().resideInAPackage("org.athanor.orm").should()
                .dependOnClassesThat(notExportedBy("org.athanor.orm")).evaluate(classes).hasViolation());
    }
}
