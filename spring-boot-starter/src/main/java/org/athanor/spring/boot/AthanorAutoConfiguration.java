package org.athanor.spring.boot;

import jakarta.persistence.Entity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.orm.Registry;
import org.athanor.orm.SessionFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Athanor over the application's DataSource: an {@link Engine} (dialect detected from the DataSource),
 * a {@link Registry} of the {@code @Entity} classes under {@code athanor.orm.packages} (default: the
 * application's packages), a {@link SessionFactory}, {@link TransactionalSessions} for the Session of
 * the current Spring transaction, and the {@link AthanorExceptionTranslator}. Every bean backs off
 * when the application defines its own.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(AthanorProperties.class)
public class AthanorAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Engine athanorEngine(DataSource dataSource, AthanorProperties props) {
        EngineOptions options = EngineOptions.defaults().echo(props.isEcho())
                .statementCacheSize(props.getStatementCacheSize()).fetchSize(props.getFetchSize());
        var dialect = DialectDetection.detect(dataSource, props.getDialect(), AthanorAutoConfiguration.class.getClassLoader());
        // closing this Engine closes nothing of the application's pool: Engine.of never owns the DataSource
        return Engine.of(new SpringManagedDataSource(dataSource), dialect, options);
    }

    @Bean
    @ConditionalOnMissingBean
    public AthanorExceptionTranslator athanorExceptionTranslator() { return new AthanorExceptionTranslator(); }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "athanor.orm", name = "enabled", matchIfMissing = true)
    static class OrmConfiguration {

        @Bean
        @ConditionalOnMissingBean
        public Registry athanorRegistry(AthanorProperties props, BeanFactory beanFactory) {
            List<String> packages = new ArrayList<>(props.getOrm().getPackages());
            if (packages.isEmpty() && AutoConfigurationPackages.has(beanFactory)) packages.addAll(AutoConfigurationPackages.get(beanFactory));
            if (packages.isEmpty())
                throw new IllegalStateException("Athanor found no packages to scan for @Entity classes: set athanor.orm.packages, "
                        + "or athanor.orm.enabled=false for Core only");
            Set<Class<?>> entities = new LinkedHashSet<>();
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
            ClassLoader loader = ClassUtils.getDefaultClassLoader();
            for (String pkg : packages)
                for (BeanDefinition bd : scanner.findCandidateComponents(pkg))
                    entities.add(ClassUtils.resolveClassName(bd.getBeanClassName(), loader));
            if (entities.isEmpty())
                throw new IllegalStateException("Athanor found no @Entity classes under " + packages
                        + ": set athanor.orm.packages, or athanor.orm.enabled=false for Core only");
            return Registry.of(entities.toArray(Class<?>[]::new));
        }

        @Bean
        @ConditionalOnMissingBean
        public SessionFactory athanorSessionFactory(Engine engine, Registry registry, AthanorProperties props) {
            return SessionFactory.of(engine, registry).autoflush(props.getOrm().isAutoflush())
                    .expireOnCommit(props.getOrm().isExpireOnCommit());
        }

        /** Startup validation: the bean's creation fails when the database does not match the Registry's tables. */
        @Bean
        @ConditionalOnProperty(prefix = "athanor.orm", name = "validate-schema", havingValue = "true")
        public SchemaValidation athanorSchemaValidation(Registry registry, Engine engine) {
            if (!ClassUtils.isPresent("org.athanor.migrations.SchemaValidator", AthanorAutoConfiguration.class.getClassLoader()))
                throw new IllegalStateException("athanor.orm.validate-schema=true needs org.athanor:athanor-migrations on the classpath");
            return SchemaValidation.run(registry, engine);
        }

        @Bean
        @ConditionalOnMissingBean
        public TransactionalSessions athanorTransactionalSessions(SessionFactory factory, AthanorExceptionTranslator translator) {
            return new TransactionalSessions(factory, translator);
        }
    }
}
