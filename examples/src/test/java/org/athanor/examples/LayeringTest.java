package org.athanor.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import org.athanor.core.dialect.Dialect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN "Public API and internals", held on the compiled classes of every module (this module
 * has them all on its test class path): dependencies point one way, dialect → core and
 * orm → core, the modules form no cycle, and inside core the packages are layered without a cycle:
 *
 * <pre>
 *   error ← type ← sql+schema ← inspect ← compile ← dialect ← engine
 * </pre>
 *
 * each package depending only on packages to its left (not all of them). Nodes reach the compiler
 * through {@code sql.SqlVisitor} and {@code sql.KeyBuilder}; the compiler reaches its dialect through
 * {@code compile.DialectSpelling}; the schema reaches the engine through {@code schema.DdlTarget} and
 * {@code schema.ReflectionSource}.
 *
 * {@code sql} and {@code schema} are one layer in two packages: a Table is a FROM item and a Column an
 * expression, and the nodes name tables and columns (SQLAlchemy keeps both in its {@code sql} package).
 */
class LayeringTest {
    private static final String[] DIALECTS = {"org.athanor.sqlite..", "org.athanor.postgres..", "org.athanor.mysql.."};
    private static final String CORE = "org.athanor.core.";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.athanor");
    }

    // ---- modules ------------------------------------------------------------------------------------

    @Test
    void coreImportsNeitherTheOrmNorADialect() {
        noClasses().that().resideInAPackage("org.athanor.core..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(List.of("org.athanor.orm.."), DIALECTS)).check(classes);
    }

    @Test
    void dialectsImportNeitherTheOrmNorEachOther() {
        for (String d : DIALECTS) {
            List<String> others = new java.util.ArrayList<>(List.of(DIALECTS));
            others.remove(d);
            others.add("org.athanor.orm..");
            noClasses().that().resideInAPackage(d).should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                    .check(classes);
        }
    }

    @Test
    void theOrmImportsNoDialect() {
        noClasses().that().resideInAPackage("org.athanor.orm..").should().dependOnClassesThat().resideInAnyPackage(DIALECTS)
                .check(classes);
    }

    /**
     * DESIGN §1: the ORM emits Core statements only: it calls neither {@code Sql.text}, nor the
     * Connection's {@code executeSql} or {@code jdbc()}, nor JDBC statements.
     */
    @Test
    void theOrmHandsTheEngineNoSqlText() {
        emitsNoSqlText("org.athanor.orm..").check(classes);
    }

    /** The rule above sees a call of Sql.text. */
    @Test
    void theSqlTextRuleCatchesACall() {
        JavaClasses caller = new ClassFileImporter().importClasses(SqlTextCaller.class);
        assertTrue(emitsNoSqlText("org.athanor.examples..").evaluate(caller).hasViolation());
    }

    static final class SqlTextCaller {
        final Object statement = org.athanor.core.sql.Sql.text("SELECT 1");
    }

    private static ArchRule emitsNoSqlText(String packages) {
        DescribedPredicate<JavaMethodCall> sqlText = DescribedPredicate.describe(
                "Sql.text, Connection.executeSql, Connection.jdbc or java.sql.Connection.prepareStatement", call -> {
                    String owner = call.getTargetOwner().getName(), name = call.getName();
                    return owner.equals("org.athanor.core.sql.Sql") && name.equals("text")
                            || owner.equals("org.athanor.core.engine.Connection") && (name.equals("executeSql") || name.equals("jdbc"))
                            || owner.equals("java.sql.Connection") && name.startsWith("prepare");
                });
        return noClasses().that().resideInAPackage(packages).should().callMethodWhere(sqlText)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.PreparedStatement");
    }

    @Test
    void theModulesFormNoCycle() {
        slices().matching("org.athanor.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** A dialect module uses core's API (sql, schema, type, error, inspect) and SPI (compile, dialect), never the engine's runtime. */
    @Test
    void dialectsUseCoresApiAndSpiOnly() {
        noClasses().that().resideInAnyPackage(DIALECTS).should().dependOnClassesThat().resideInAPackage(CORE + "engine..")
                .because("a dialect is compiled and plugged in through the SPI (compile, dialect); the engine calls it, not the reverse")
                .check(classes);
    }

    // ---- inside core ----------------------------------------------------------------------------------

    /** Core's packages form no cycle ({@code sql} and {@code schema} counted as the one layer they are). */
    @Test
    void coresPackagesFormNoCycle() {
        slices().assignedFrom(CORE_PACKAGES).should().beFreeOfCycles().check(classes);
    }

    /** The tree (nodes, tables, types, errors) knows no compiler, dialect, engine or inspection: nodes depend on SqlVisitor and KeyBuilder beside them. */
    @Test
    void theTreeDependsOnNoCompilerDialectOrEngine() {
        noClasses().that().resideInAnyPackage(CORE + "sql..", CORE + "schema..", CORE + "type..", CORE + "error..")
                .should().dependOnClassesThat().resideInAnyPackage(CORE + "compile..", CORE + "dialect..", CORE + "engine..", CORE + "inspect..")
                .check(classes);
    }

    /** Types and errors are the bottom: types know only errors, errors nothing of core. */
    @Test
    void typesAndErrorsAreTheBottomLayer() {
        noClasses().that().resideInAPackage(CORE + "type..").should().dependOnClassesThat()
                .resideInAnyPackage(CORE + "sql..", CORE + "schema..").check(classes);
        noClasses().that().resideInAPackage(CORE + "error..").should().dependOnClassesThat()
                .resideInAnyPackage(CORE + "type..", CORE + "sql..", CORE + "schema..").check(classes);
    }

    /** The compiler sees its dialect only through DialectSpelling: it depends on no dialect class, engine or inspection. */
    @Test
    void theCompilerDependsOnNoDialectOrEngine() {
        noClasses().that().resideInAPackage(CORE + "compile..").should().dependOnClassesThat()
                .resideInAnyPackage(CORE + "dialect..", CORE + "engine..", CORE + "inspect..").check(classes);
    }

    /** Dialects are called by the engine, never the reverse. */
    @Test
    void theDialectPackageDependsOnNoEngine() {
        noClasses().that().resideInAPackage(CORE + "dialect..").should().dependOnClassesThat().resideInAPackage(CORE + "engine..")
                .check(classes);
    }

    /** Inspection results and the Inspector interface are data over the schema; the JDBC reading lives in the engine. */
    @Test
    void inspectionDependsOnTheSchemaOnly() {
        noClasses().that().resideInAPackage(CORE + "inspect..").should().dependOnClassesThat()
                .resideInAnyPackage(CORE + "compile..", CORE + "dialect..", CORE + "engine..").check(classes);
    }

    /** The engine runs any dialect through the Dialect base class: it names no concrete dialect (not even the generic one). */
    @Test
    void theEngineNamesNoConcreteDialect() {
        noClasses().that().resideInAPackage(CORE + "engine..").should().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("a Dialect subclass",
                                (JavaClass c) -> c.isAssignableTo(Dialect.class) && !c.isEquivalentTo(Dialect.class)))
                .check(classes);
    }

    /** First-level packages of core as slices, with sql and schema as one. */
    private static final SliceAssignment CORE_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (!p.startsWith(CORE)) return SliceIdentifier.ignore();
            String rest = p.substring(CORE.length());
            int dot = rest.indexOf('.');
            String first = dot < 0 ? rest : rest.substring(0, dot);
            // each internal package is a layer of its own (internal.compile serves compile, internal.bulk the engine)
            if (first.equals("internal")) {
                int next = rest.indexOf('.', dot + 1);
                return SliceIdentifier.of(next < 0 ? rest : rest.substring(0, next));
            }
            return SliceIdentifier.of(first.equals("sql") || first.equals("schema") ? "sql+schema" : first);
        }

        @Override public String getDescription() { return "core's first-level packages (sql and schema as one layer, each internal package its own)"; }
    };

    private static String[] concat(List<String> first, String[] rest) {
        List<String> out = new java.util.ArrayList<>(first);
        out.addAll(List.of(rest));
        return out.toArray(String[]::new);
    }
}
