package org.athanor.core.compliance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.MetaData;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.opentest4j.TestAbortedException;

/**
 * The base of the jqwik parts of the compliance suite. jqwik creates a new instance per property
 * and does not run JUnit's lifecycle methods, so the engine (and any tables a subclass keeps for
 * the whole class) live in a static map keyed by the concrete class, released after the container.
 */
@AddLifecycleHook(PropertySuite.NeedsDatabase.class)
public abstract class PropertySuite {
    private static final Map<Class<?>, Fixture> FIXTURES = new ConcurrentHashMap<>();
    /** Row ids unique across tries and properties (tries roll back, so ids are never reused in one table). */
    protected static final AtomicLong NEXT_ID = new AtomicLong();

    /** An engine and the tables created for one concrete test class. */
    protected static final class Fixture {
        final Engine engine;
        final Object state;
        final MetaData metadata;

        Fixture(Engine engine, Object state, MetaData metadata) {
            this.engine = engine;
            this.state = state;
            this.metadata = metadata;
        }
    }

    /** A new engine on the database under test; called once per test class. */
    protected abstract Engine newEngine();

    /** The tables this class needs for all its properties (created once), and any state to keep with them. */
    protected abstract Object createState(Engine engine);

    /** The MetaData to drop after the class, taken from the state; null when there is none. */
    protected MetaData metadataOf(Object state) { return null; }

    private Fixture fixture() {
        return FIXTURES.computeIfAbsent(getClass(), k -> {
            Engine e = newEngine();
            try {
                Object s = createState(e);
                return new Fixture(e, s, metadataOf(s));
            } catch (RuntimeException ex) {
                e.close();
                throw ex;
            }
        });
    }

    protected final Engine engine() { return fixture().engine; }

    /**
     * Opens the engine before the container runs: a database that is down skips the whole class with
     * TestDatabases' message (and fails it under CI=true). Left to the tries, jqwik would count the
     * abort as a rejected sample and report "exhausted" instead.
     */
    public static final class NeedsDatabase implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            if (!(context instanceof ContainerLifecycleContext)) return SkipResult.doNotSkip();
            Class<?> c = context.optionalContainerClass().orElse(null);
            if (c == null || !PropertySuite.class.isAssignableFrom(c) || java.lang.reflect.Modifier.isAbstract(c.getModifiers()))
                return SkipResult.doNotSkip();
            try {
                ((PropertySuite) context.newInstance(c)).fixture();
                return SkipResult.doNotSkip();
            } catch (TestAbortedException e) {
                return SkipResult.skip(e.getMessage());
            }
        }
    }

    protected final DialectFeatures features() { return engine().dialect().features(); }

    protected final String db() { return engine().dialect().name(); }

    @SuppressWarnings("unchecked")
    protected final <S> S state() { return (S) fixture().state; }

    @AfterContainer
    static void releaseFixtures() {
        RuntimeException first = null;
        for (Fixture f : FIXTURES.values()) {
            try {
                if (f.metadata != null) f.metadata.dropAll(f.engine);
            } catch (RuntimeException e) {
                if (first == null) first = e;
            } finally {
                f.engine.close();
            }
        }
        FIXTURES.clear();
        if (first != null) throw first;
    }
}
