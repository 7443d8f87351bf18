package org.athanor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * bom/pom.xml has no parent (so importing it brings only Athanor's versions): this keeps it in step
 * with the build — the parent's version, and every published module (those that do not set
 * maven.deploy.skip) listed at ${project.version}.
 */
class BomTest {
    @Test
    void bomListsEveryLibraryArtifactAtTheProjectVersion() throws Exception {
        Path root = Path.of("..");
        Document parent = read(root.resolve("pom.xml"));
        Document bom = read(root.resolve("bom/pom.xml"));
        assertEquals(text(parent.getDocumentElement(), "version"), text(bom.getDocumentElement(), "version"),
                "bom/pom.xml's version must equal the parent's");

        TreeSet<String> published = new TreeSet<>();
        Element modules = child(parent.getDocumentElement(), "modules");
        for (Element m : children(modules, "module")) {
            if (m.getTextContent().equals("bom")) continue;
            Element project = read(root.resolve(m.getTextContent()).resolve("pom.xml")).getDocumentElement();
            Element props = child(project, "properties");
            boolean skipped = props != null && child(props, "maven.deploy.skip") != null
                    && child(props, "maven.deploy.skip").getTextContent().strip().equals("true");
            if (!skipped) published.add(text(project, "artifactId"));
        }
        TreeSet<String> listed = new TreeSet<>();
        Element deps = child(child(bom.getDocumentElement(), "dependencyManagement"), "dependencies");
        for (Element d : children(deps, "dependency")) {
            assertEquals("org.athanor", text(d, "groupId"));
            assertEquals("${project.version}", text(d, "version"), text(d, "artifactId"));
            listed.add(text(d, "artifactId"));
        }
        assertEquals(published, listed, "bom/pom.xml must list exactly the published modules");
    }

    @Test
    void readmeNamesTheProjectVersion() throws Exception {
        Path root = Path.of("..");
        String version = text(read(root.resolve("pom.xml")).getDocumentElement(), "version");
        String readme = java.nio.file.Files.readString(root.resolve("README.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<artifactId>(athanor-[a-z]+)</artifactId>\\s*<version>([^<]*)</version>").matcher(readme);
        int found = 0;
        for (; m.find(); found++) assertEquals(version, m.group(2), "README.md gives " + m.group(1) + " another version");
        assertEquals(2, found, "README.md should spell the version for the BOM import and the processor path");
        org.junit.jupiter.api.Assertions.assertTrue(readme.contains("the current version is `" + version + "`"));
    }

    private static Document read(Path p) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(p.toFile());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
            if (n instanceof Element e && e.getTagName().equals(name)) out.add(e);
        return out;
    }

    private static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    private static String text(Element parent, String name) { return child(parent, name).getTextContent().strip(); }
}
