package org.athanor.mysql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server an Engine talks to, from JDBC's product version. Connector/J reports MariaDB as
 * {@code 5.5.5-10.11.6-MariaDB-...}: MariaDB's handshake prefixes {@code 5.5.5-} so that old
 * MySQL clients accept a major version of 10, and the real version follows it.
 *
 * @param mariaDb whether the server is MariaDB rather than MySQL
 * @param major   major version (10 for MariaDB 10.11, 8 for MySQL 8.0)
 * @param minor   minor version
 * @param patch   patch version
 * @param raw     the version string as the driver reported it
 */
public record ServerVersion(boolean mariaDb, int major, int minor, int patch, String raw) {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** Parses a JDBC product version; an unparseable one reads as MySQL 0.0.0 (no extra capabilities). */
    public static ServerVersion parse(String version) {
        String v = version == null ? "" : version;
        boolean maria = v.toLowerCase(java.util.Locale.ROOT).contains("mariadb");
        String s = maria && v.startsWith("5.5.5-") ? v.substring(6) : v;
        Matcher m = VERSION.matcher(s);
        if (!m.find()) return new ServerVersion(maria, 0, 0, 0, v);
        return new ServerVersion(maria, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), v);
    }

    public boolean atLeast(int maj, int min) { return atLeast(maj, min, 0); }

    public boolean atLeast(int maj, int min, int pat) {
        if (major != maj) return major > maj;
        if (minor != min) return minor > min;
        return patch >= pat;
    }

    /** "MariaDB" or "MySQL". */
    public String product() { return mariaDb ? "MariaDB" : "MySQL"; }

    @Override public String toString() { return product() + " " + major + "." + minor + "." + patch; }
}
