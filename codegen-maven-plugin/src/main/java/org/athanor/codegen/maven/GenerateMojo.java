package org.athanor.codegen.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.athanor.codegen.TableGenerator;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.MetaData;

/**
 * Generates typed Table classes from a live database and adds them to the compile sources:
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>org.athanor</groupId><artifactId>athanor-codegen-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>generate</goal></goals></execution></executions>
 *   <configuration>
 *     <url>sqlite:///${project.basedir}/chinook.db</url>
 *     <packageName>com.example.db</packageName>
 *   </configuration>
 *   <dependencies><!-- the dialect (and its driver) for the URL -->
 *     <dependency><groupId>org.athanor</groupId><artifactId>athanor-sqlite</artifactId><version>...</version></dependency>
 *   </dependencies>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {
    /** The database: an Engine URL (sqlite:///app.db, postgresql://user@host/db) or a JDBC URL. */
    @Parameter(property = "athanor.codegen.url", required = true)
    String url;

    /** The Java package of the generated classes. */
    @Parameter(property = "athanor.codegen.packageName", required = true)
    String packageName;

    /** The class whose metadata() returns a MetaData of every generated table. */
    @Parameter(property = "athanor.codegen.schemaClass", defaultValue = "Tables")
    String schemaClass;

    /** The database schema to read (default: the connection's current one). */
    @Parameter(property = "athanor.codegen.schema")
    String schema;

    /** Only these tables (default: all of the schema). */
    @Parameter
    List<String> tables;

    @Parameter(property = "athanor.codegen.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/athanor")
    File outputDirectory;

    @Parameter(property = "athanor.codegen.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("athanor-codegen: skipped");
            return;
        }
        TableGenerator.Options options;
        try {
            options = new TableGenerator.Options(packageName, schemaClass);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("athanor-codegen: " + e.getMessage(), e);
        }
        try (Engine engine = Engine.create(url)) {
            MetaData md = tables != null && !tables.isEmpty() ? MetaData.reflect(engine, schema, tables)
                    : schema == null ? MetaData.reflect(engine) : MetaData.reflect(engine, schema);
            List<Path> files = TableGenerator.write(TableGenerator.generate(md, options), options, outputDirectory.toPath());
            getLog().info("athanor-codegen: " + files.size() + " classes in " + outputDirectory);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("athanor-codegen: cannot generate tables from " + url + ": " + e.getMessage(), e);
        }
        if (project != null) project.addCompileSourceRoot(outputDirectory.getPath());
    }
}
