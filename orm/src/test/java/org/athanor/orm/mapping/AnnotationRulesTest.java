package org.athanor.orm.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.athanor.orm.rules.AnnotationRules;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Issue 14e: every annotation type of the jakarta.persistence package on the classpath is in exactly
 * one of the two tables the runtime and the processor use (honoured or rejected), so none is
 * silently ignored. A newer Jakarta Persistence jar with a new annotation fails here until it is classified.
 */
class AnnotationRulesTest {
    /** The annotation types of jakarta.persistence, found by scanning the jar that holds {@code @Entity}. */
    static List<String> jakartaAnnotations() throws Exception {
        URL jar = jakarta.persistence.Entity.class.getProtectionDomain().getCodeSource().getLocation();
        List<String> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(new File(jar.toURI()))) {
            for (ZipEntry e : Collections.list(z.entries())) {
                String n = e.getName();
                if (!n.startsWith("jakarta/persistence/") || !n.endsWith(".class") || n.indexOf('/', 20) >= 0 || n.contains("$"))
                    continue;
                Class<?> c = Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), false, AnnotationRulesTest.class.getClassLoader());
                if (c.isAnnotation()) out.add(c.getSimpleName());
            }
        }
        return out;
    }

    @Test
    void everyJakartaPersistenceAnnotationIsEitherHonouredOrRejected() throws Exception {
        List<String> all = jakartaAnnotations();
        assertTrue(all.size() > 80, "the scan found the jar's annotations: " + all);
        List<String> neither = new ArrayList<>(), both = new ArrayList<>();
        for (String a : all) {
            boolean h = AnnotationRules.HONOURED.contains(a), r = AnnotationRules.REJECTED.containsKey(a);
            if (h && r) both.add(a);
            if (!h && !r) neither.add(a);
        }
        assertEquals(List.of(), neither, "classify these as honoured or rejected in AnnotationRules");
        assertEquals(List.of(), both, "an annotation is honoured or rejected, not both");
        // no stale names: every listed annotation exists in the package
        TreeSet<String> listed = new TreeSet<>(AnnotationRules.HONOURED);
        listed.addAll(AnnotationRules.REJECTED.keySet());
        listed.removeAll(all);
        assertEquals(new TreeSet<>(), listed, "names in AnnotationRules that jakarta.persistence does not have");
    }

    /**
     * Members that carry DDL text (columnDefinition, options, comment, foreignKeyDefinition) of every
     * honoured annotation (and of @ForeignKey, read inside @JoinColumn) are read or refused, never ignored:
     * Jakarta Persistence 3.2 added options and comment to several.
     */
    @Test
    void everyDdlTextMemberOfAnHonouredAnnotationIsReadOrRefused() throws Exception {
        List<String> unclassified = new ArrayList<>();
        for (String a : jakartaAnnotations()) {
            if (!AnnotationRules.HONOURED.contains(a)) continue;
            for (java.lang.reflect.Method m : Class.forName("jakarta.persistence." + a).getDeclaredMethods()) {
                if (!List.of("columnDefinition", "options", "comment", "foreignKeyDefinition").contains(m.getName())) continue;
                String key = a + "." + m.getName();
                if (!AnnotationRules.DDL_MEMBERS_HONOURED.contains(key) && !AnnotationRules.DDL_MEMBERS_REFUSED.contains(key))
                    unclassified.add(key);
            }
        }
        assertEquals(List.of(), unclassified, "classify these in AnnotationRules.DDL_MEMBERS_HONOURED or DDL_MEMBERS_REFUSED");
        assertTrue(AnnotationRules.DDL_MEMBERS_REFUSED.contains("Table.comment"));
        assertNull(AnnotationRules.ddlMemberProblem("Table", "comment", ""));
    }

    @Test
    void rejectedAnnotationsGiveAReasonAndUnknownOnesAreRejectedToo() {
        for (String a : AnnotationRules.REJECTED.keySet()) {
            String p = AnnotationRules.problem(a, null);
            assertNotNull(p, a);
            assertTrue(p.startsWith("@" + a + " is not supported: "), p);
        }
        for (String a : AnnotationRules.HONOURED) {
            if (AnnotationRules.CALLBACKS.contains(a)) {
                // issue 16: lifecycle callbacks are read on methods, with the signature JPA requires
                assertNull(AnnotationRules.problem(a, "onEvent"), a + " is honoured on methods");
                assertNull(AnnotationRules.callbackProblem(a, "onEvent", false, 0, true), a);
                assertTrue(AnnotationRules.callbackProblem(a, "onEvent", true, 0, true).contains("is static"), a);
                assertTrue(AnnotationRules.callbackProblem(a, "onEvent", false, 1, true).contains("takes 1 parameter"), a);
                assertTrue(AnnotationRules.callbackProblem(a, "onEvent", false, 0, false).contains("returns a value"), a);
                continue;
            }
            assertNull(AnnotationRules.problem(a, null), a + " is honoured on classes and fields");
            assertTrue(AnnotationRules.problem(a, "getX").contains("on the method getX()"), "but not read on methods: " + a);
        }
        assertTrue(AnnotationRules.problem("SomeFutureAnnotation", null).contains("not known to this version"));
    }
}
