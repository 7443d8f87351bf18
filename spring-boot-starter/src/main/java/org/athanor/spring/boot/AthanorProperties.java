package org.athanor.spring.boot;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code athanor.*}. */
@ConfigurationProperties(prefix = "athanor")
public class AthanorProperties {
    /** Log every statement with its parameters and whether its SQL came from the cache (SLF4J logger org.athanor.engine). */
    private boolean echo = false;
    /** Compiled statements the engine keeps; 0 turns the statement cache off. */
    private int statementCacheSize = 500;
    /** JDBC fetch size for queries; 0 leaves the driver's default. */
    private int fetchSize = 0;
    /**
     * The dialect, by URL scheme ("sqlite", "postgresql", "mysql", "mariadb"). Empty: detected from the
     * DataSource's JDBC URL through the dialect modules on the classpath.
     */
    private String dialect;
    private final Orm orm = new Orm();

    public boolean isEcho() { return echo; }
    public void setEcho(boolean echo) { this.echo = echo; }
    public int getStatementCacheSize() { return statementCacheSize; }
    public void setStatementCacheSize(int statementCacheSize) { this.statementCacheSize = statementCacheSize; }
    public int getFetchSize() { return fetchSize; }
    public void setFetchSize(int fetchSize) { this.fetchSize = fetchSize; }
    public String getDialect() { return dialect; }
    public void setDialect(String dialect) { this.dialect = dialect; }
    public Orm getOrm() { return orm; }

    /** Settings of the ORM under {@code athanor.orm.*}. */
    public static class Orm {
        /** Whether the Registry and SessionFactory beans are created (they are when @Entity classes are found). */
        private boolean enabled = true;
        /** Packages scanned for @Entity classes. Empty: the application's packages (those of @SpringBootApplication). */
        private List<String> packages = new ArrayList<>();
        /** Flush pending changes before each query. */
        private boolean autoflush = true;
        /** Expire every object's loaded state when a transaction commits, so the next access reloads it. */
        private boolean expireOnCommit = true;
        /**
         * Check the mapped tables against the database at startup and fail with the list of differences
         * (Hibernate's hbm2ddl validate). Needs org.athanor:athanor-migrations on the classpath.
         */
        private boolean validateSchema = false;

        public boolean isValidateSchema() { return validateSchema; }
        public void setValidateSchema(boolean validateSchema) { this.validateSchema = validateSchema; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public List<String> getPackages() { return packages; }
        public void setPackages(List<String> packages) { this.packages = packages; }
        public boolean isAutoflush() { return autoflush; }
        public void setAutoflush(boolean autoflush) { this.autoflush = autoflush; }
        public boolean isExpireOnCommit() { return expireOnCommit; }
        public void setExpireOnCommit(boolean expireOnCommit) { this.expireOnCommit = expireOnCommit; }
    }
}
