package org.athanor.codegen.maven;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal run as Maven runs it (fields injected, execute()), on a copy of Chinook. */
class GenerateMojoTest {
    @TempDir Path tmp;

    @Test
    void generatesIntoTheOutputDirectoryAndAddsItToTheSources() throws Exception {
        Path db = tmp.resolve("chinook.sqlite");
        Files.copy(Path.of("/work/shared/data/chinook/Chinook_Sqlite.sqlite"), db, StandardCopyOption.REPLACE_EXISTING);
        db.toFile().setWritable(true);
        GenerateMojo mojo = new GenerateMojo();
        mojo.url = "sqlite:///" + db;
        mojo.packageName = "com.example.chinook";
        mojo.schemaClass = "Chinook";
        mojo.tables = List.of("Artist", "Album");
        mojo.outputDirectory = tmp.resolve("generated").toFile();
        Model model = new Model();
        model.setBuild(new Build());
        mojo.project = new MavenProject(model);
        mojo.execute();
        Path pkg = tmp.resolve("generated/com/example/chinook");
        assertTrue(Files.readString(pkg.resolve("Album.java")).contains("public final class Album extends Table"));
        assertTrue(Files.exists(pkg.resolve("Artist.java")));
        assertTrue(Files.readString(pkg.resolve("Chinook.java")).contains("MetaData.of("));
        assertTrue(mojo.project.getCompileSourceRoots().contains(mojo.outputDirectory.getPath()));
    }

    @Test
    void badSettingsFailTheBuildWithTheReason() {
        GenerateMojo mojo = new GenerateMojo();
        mojo.url = "sqlite://";
        mojo.packageName = "not a package";
        mojo.schemaClass = "Tables";
        mojo.outputDirectory = tmp.toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("not a Java package name"), e.getMessage());
        mojo.packageName = "ok.pkg";
        mojo.url = "nosuchdb://x";
        e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("nosuchdb"), e.getMessage());
    }
}
