package org.athanor.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Database names as Java names: {@code InvoiceLine}/{@code invoice_line} -> class {@code InvoiceLine}, constant {@code INVOICE_LINE}. */
final class JavaNames {
    private JavaNames() {}

    /** The words of a name: split at underscores, spaces, other punctuation and lower-to-upper case changes. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(w, out);
                continue;
            }
            boolean boundary = w.length() > 0 && Character.isUpperCase(c)
                    && (Character.isLowerCase(w.charAt(w.length() - 1)) || Character.isDigit(w.charAt(w.length() - 1))
                        || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)) && Character.isUpperCase(w.charAt(w.length() - 1))));
            if (boundary) flush(w, out);
            w.append(c);
        }
        flush(w, out);
        if (out.isEmpty()) out.add("x");
        return out;
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (w.length() > 0) out.add(w.toString());
        w.setLength(0);
    }

    /** {@code invoice_line} -> {@code InvoiceLine}. */
    static String className(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : words(name)) b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1).toLowerCase(Locale.ROOT));
        return identifier(b.toString());
    }

    /** {@code InvoiceLineId} -> {@code INVOICE_LINE_ID}. */
    static String constantName(String name) {
        return identifier(String.join("_", words(name)).toUpperCase(Locale.ROOT));
    }

    private static String identifier(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(i == 0 ? (Character.isJavaIdentifierStart(c) ? c : '_') : (Character.isJavaIdentifierPart(c) ? c : '_'));
            if (i == 0 && !Character.isJavaIdentifierStart(c) && Character.isJavaIdentifierPart(c)) b.append(c);
        }
        String out = b.toString();
        return javax.lang.model.SourceVersion.isKeyword(out) ? out + "_" : out;
    }

    /** A Java string literal for {@code s}. */
    static String literal(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
