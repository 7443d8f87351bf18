package org.athanor.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ForeignKey;
import org.athanor.core.schema.Index;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;
import org.athanor.core.schema.UniqueConstraint;
import org.athanor.core.type.SqlType;

/**
 * Typed {@link Table} subclasses for the tables of a live database, in the house style:
 *
 * <pre>{@code
 * public final class Album extends Table {
 *     public static final Album ALBUM = new Album();
 *     public final Column<Integer> ALBUM_ID = column("AlbumId", INTEGER, primaryKey());
 *     public final Column<String> TITLE = column("Title", varchar(160), notNull());
 *     public final Column<Integer> ARTIST_ID = column("ArtistId", INTEGER, notNull(),
 *             references(() -> Artist.ARTIST.ARTIST_ID).named("FK_AlbumArtistId"));
 *     ...
 *     @Override public Album as(String alias) { return new Album(alias); }
 * }
 * }</pre>
 *
 * Class names are the table names in PascalCase, column fields UPPER_SNAKE_CASE; the database's own
 * names stay in the string literals (the dialect quotes them where needed, so mixed case survives).
 * Foreign keys use the supplier form of {@code references}, so self-references and tables in any
 * order work. One more class, named by {@link Options#schemaClass}, returns a MetaData of them all.
 */
public final class TableGenerator {
    /** What to generate: the package, and the name of the class holding {@code metadata()}. */
    public record Options(String packageName, String schemaClass) {
        public Options {
            if (packageName == null || !packageName.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*"))
                throw new IllegalArgumentException("not a Java package name: '" + packageName + "'");
            if (schemaClass == null || !javax.lang.model.SourceVersion.isIdentifier(schemaClass))
                throw new IllegalArgumentException("not a Java class name: '" + schemaClass + "'");
        }
    }

    private static final Set<String> TYPE_CONSTANTS = Set.of("SMALLINT", "INTEGER", "BIGINT", "BOOLEAN", "TEXT", "VARCHAR",
            "REAL", "DOUBLE", "NUMERIC", "DATE", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "UUID", "BLOB", "JSON", "ANY");

    private final MetaData metadata;
    private final Options options;
    private final Map<Table, String> classNames = new LinkedHashMap<>();
    private final Map<Column<?>, String> fieldNames = new HashMap<>();

    private TableGenerator(MetaData metadata, Options options) {
        this.metadata = metadata;
        this.options = options;
        Set<String> usedClasses = new HashSet<>();
        usedClasses.add(options.schemaClass());
        for (Table t : metadata.tables()) {
            String cls = unique(JavaNames.className(t.name()), usedClasses, "Table");
            classNames.put(t, cls);
            Set<String> usedFields = new HashSet<>();
            usedFields.add(JavaNames.constantName(t.name())); // the static instance
            for (Column<?> c : t.columns()) fieldNames.put(c, unique(JavaNames.constantName(c.name()), usedFields, "_COL"));
        }
    }

    private static String unique(String name, Set<String> used, String suffix) {
        String n = name;
        for (int i = 2; !used.add(n); i++) n = name + suffix + (i == 2 ? "" : i);
        return n;
    }

    /** Sources for every table of the database's current schema (reflected through the engine's inspector). */
    public static Map<String, String> generate(Engine engine, Options options) { return generate(MetaData.reflect(engine), options); }

    /** Sources for the tables of {@code metadata} (reflected ones, usually): file name -> Java source. */
    public static Map<String, String> generate(MetaData metadata, Options options) {
        return new TableGenerator(metadata, options).sources();
    }

    /** Writes the sources under {@code sourceRoot} in the package's directories; returns the files written. */
    public static List<Path> write(Map<String, String> sources, Options options, Path sourceRoot) {
        Path dir = sourceRoot.resolve(options.packageName().replace('.', '/'));
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (var e : sources.entrySet()) out.add(Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated tables into " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    private Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Table t : metadata.tables()) out.put(classNames.get(t) + ".java", tableSource(t));
        out.put(options.schemaClass() + ".java", schemaSource());
        return out;
    }

    private String schemaSource() {
        StringBuilder b = new StringBuilder();
        b.append("package ").append(options.packageName()).append(";\n\n");
        b.append("import org.athanor.core.schema.MetaData;\n\n");
        b.append("/** Every generated table. Generated by athanor-codegen: regenerate rather than edit. */\n");
        b.append("public final class ").append(options.schemaClass()).append(" {\n");
        b.append("    private ").append(options.schemaClass()).append("() {}\n\n");
        b.append("    /** A new MetaData holding every table (createAll/dropAll order them by foreign key). */\n");
        b.append("    public static MetaData metadata() {\n        return MetaData.of(");
        List<String> refs = new ArrayList<>();
        for (Table t : metadata.tables()) refs.add(classNames.get(t) + "." + JavaNames.constantName(t.name()));
        b.append(String.join(",\n                ", refs)).append(");\n    }\n}\n");
        return b.toString();
    }

    private String tableSource(Table t) {
        String cls = classNames.get(t);
        String instance = JavaNames.constantName(t.name());
        boolean qualifyTypes = false;
        for (Column<?> c : t.columns()) if (TYPE_CONSTANTS.contains(fieldNames.get(c))) qualifyTypes = true;
        Set<String> imports = new TreeSet<>();
        imports.add("org.athanor.core.schema.Column");
        imports.add("org.athanor.core.schema.Table");

        StringBuilder fields = new StringBuilder();
        Set<ForeignKey> inline = new HashSet<>();
        for (Column<?> c : t.columns()) {
            TypeCode type = TypeCode.of(c.type(), qualifyTypes);
            if (type.javaImport() != null) imports.add(type.javaImport());
            List<String> opts = new ArrayList<>();
            List<Column<?>> pk = t.primaryKeyColumns();
            if (pk.size() == 1 && pk.get(0) == c) opts.add("primaryKey()");
            if (c.isAutoincrement()) opts.add("autoincrement()");
            if (!c.isNullable() && !(pk.size() == 1 && pk.get(0) == c)) opts.add("notNull()");
            if (c.serverDefault() != null) opts.add("serverDefault(" + JavaNames.literal(c.serverDefault()) + ")");
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.columns().size() != 1 || fk.columns().get(0) != c || !inline.add(fk)) continue;
                Column<?> target = fk.referencedColumns().get(0);
                StringBuilder r = new StringBuilder("references(() -> ").append(ref(target)).append(")");
                if (fk.onDelete() != ReferentialAction.NO_ACTION) { r.append(".onDelete(ReferentialAction.").append(fk.onDelete().name()).append(")"); imports.add("org.athanor.core.schema.ReferentialAction"); }
                if (fk.onUpdate() != ReferentialAction.NO_ACTION) { r.append(".onUpdate(ReferentialAction.").append(fk.onUpdate().name()).append(")"); imports.add("org.athanor.core.schema.ReferentialAction"); }
                if (fk.name() != null) r.append(".named(").append(JavaNames.literal(fk.name())).append(")");
                opts.add(r.toString());
                break;
            }
            fields.append("    public final Column<").append(type.javaType()).append("> ").append(fieldNames.get(c))
                    .append(" = column(").append(JavaNames.literal(c.name())).append(", ").append(type.code());
            for (String o : opts) fields.append(", ").append(o);
            fields.append(");\n");
        }

        List<String> keys = new ArrayList<>();
        if (t.primaryKeyColumns().size() > 1) keys.add("primaryKey(" + fieldList(t.primaryKeyColumns()) + ");");
        for (ForeignKey fk : t.foreignKeys()) {
            if (inline.contains(fk)) continue;
            imports.add("java.util.List");
            imports.add("org.athanor.core.schema.ReferentialAction");
            List<String> targets = new ArrayList<>();
            for (Column<?> c : fk.referencedColumns()) targets.add(ref(c));
            keys.add("foreignKey(List.of(" + fieldList(fk.columns()) + "), () -> List.of(" + String.join(", ", targets) + "),\n                ReferentialAction."
                    + fk.onDelete().name() + ", ReferentialAction." + fk.onUpdate().name() + ");");
        }
        for (UniqueConstraint u : t.uniqueConstraints())
            keys.add("uniqueConstraint(" + (u.name() != null ? JavaNames.literal(u.name()) + ", " : "") + fieldList(u.columns()) + ");");
        for (Index ix : t.indexes())
            keys.add((ix.unique() ? "uniqueIndex(" : "index(") + JavaNames.literal(ix.name()) + ", " + fieldList(ix.columns()) + ");");

        StringBuilder b = new StringBuilder();
        b.append("package ").append(options.packageName()).append(";\n\n");
        b.append(qualifyTypes ? "import org.athanor.core.type.SqlTypes;\n" : "import static org.athanor.core.type.SqlTypes.*;\n").append('\n');
        for (String i : imports) b.append("import ").append(i).append(";\n");
        b.append("\n/** Table ").append(JavaNames.literal(t.name()).replace("*/", "*\\/"))
                .append(". Generated by athanor-codegen from the database: regenerate rather than edit. */\n");
        b.append("public final class ").append(cls).append(" extends Table {\n");
        b.append("    public static final ").append(cls).append(' ').append(instance).append(" = new ").append(cls).append("();\n\n");
        b.append(fields).append('\n');
        b.append("    private ").append(cls).append("() {\n        super(").append(JavaNames.literal(t.name())).append(");\n");
        if (!keys.isEmpty()) b.append("        keys();\n");
        b.append("    }\n\n");
        b.append("    private ").append(cls).append("(String alias) {\n        super(").append(instance).append(", alias);\n");
        if (!keys.isEmpty()) b.append("        keys();\n");
        b.append("    }\n\n");
        if (!keys.isEmpty()) {
            b.append("    private void keys() {\n");
            for (String k : keys) b.append("        ").append(k).append('\n');
            b.append("    }\n\n");
        }
        b.append("    @Override public ").append(cls).append(" as(String alias) { return new ").append(cls).append("(alias); }\n");
        b.append("}\n");
        return b.toString();
    }

    private String ref(Column<?> target) {
        Table tt = target.table();
        Table owner = null;
        for (Table t : classNames.keySet()) if (t.sameTableAs(tt)) owner = t;
        if (owner == null)
            throw new IllegalStateException("a foreign key refers to table " + tt.name() + ", which is not among the generated tables");
        Column<?> col = owner.column(target.name());
        return classNames.get(owner) + "." + JavaNames.constantName(owner.name()) + "." + fieldNames.get(col);
    }

    private String fieldList(List<Column<?>> cols) {
        List<String> names = new ArrayList<>();
        for (Column<?> c : cols) names.add(fieldNames.get(c));
        return String.join(", ", names);
    }

    /** How a SqlType is written in the source, and its Java class. */
    record TypeCode(String code, String javaType, String javaImport) {
        static TypeCode of(SqlType<?> type, boolean qualified) {
            String q = qualified ? "SqlTypes." : "";
            return switch (type.kind()) {
                case SMALLINT -> new TypeCode(q + "SMALLINT", "Short", null);
                case INTEGER -> new TypeCode(q + "INTEGER", "Integer", null);
                case BIGINT -> new TypeCode(q + "BIGINT", "Long", null);
                case BOOLEAN -> new TypeCode(q + "BOOLEAN", "Boolean", null);
                case VARCHAR -> new TypeCode(type.length() > 0 ? q + "varchar(" + type.length() + ")" : q + "VARCHAR", "String", null);
                case TEXT -> new TypeCode(q + "TEXT", "String", null);
                case JSON -> new TypeCode(q + "JSON", "String", null);
                case REAL -> new TypeCode(q + "REAL", "Float", null);
                case DOUBLE -> new TypeCode(q + "DOUBLE", "Double", null);
                case NUMERIC -> new TypeCode(type.precision() > 0 ? q + "numeric(" + type.precision() + ", " + type.scale() + ")" : q + "NUMERIC",
                        "BigDecimal", "java.math.BigDecimal");
                case DATE -> new TypeCode(q + "DATE", "LocalDate", "java.time.LocalDate");
                case TIME -> new TypeCode(q + "TIME", "LocalTime", "java.time.LocalTime");
                case TIMESTAMP -> new TypeCode(q + "TIMESTAMP", "LocalDateTime", "java.time.LocalDateTime");
                case TIMESTAMP_TZ -> new TypeCode(q + "TIMESTAMPTZ", "OffsetDateTime", "java.time.OffsetDateTime");
                case UUID -> new TypeCode(q + "UUID", "UUID", "java.util.UUID");
                case BLOB -> new TypeCode(q + "BLOB", "byte[]", null);
                case ENUM, NULL, OTHER -> new TypeCode(q + "ANY", "Object", null);
            };
        }
    }
}
