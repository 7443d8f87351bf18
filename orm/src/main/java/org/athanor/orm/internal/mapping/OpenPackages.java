package org.athanor.orm.internal.mapping;

import java.lang.invoke.MethodHandles;
import org.athanor.orm.mapping.MappingException;

/**
 * The ORM reads and writes entity fields, calls constructors of entities, converters and projection
 * records, and instantiates generated accessors, all reflectively. On the module path that needs the
 * class's package open to this module; a class on the class path (the unnamed module) is always open.
 * This check runs before the first reflective access, so a missing {@code opens} is reported with the
 * line to add instead of the JDK's InaccessibleObjectException from somewhere inside a flush.
 */
public final class OpenPackages {
    private OpenPackages() {}

    /**
     * Throws MappingException unless {@code cls}'s package is open to the ORM's module.
     *
     * @param role what {@code cls} is to the ORM, for the message ("entity", "converter", ...)
     */
    public static void require(Class<?> cls, String role) {
        Module orm = OpenPackages.class.getModule();
        Module m = cls.getModule();
        String pkg = cls.getPackageName();
        if (m.isOpen(pkg, orm)) return;
        String to = orm.isNamed() ? " to " + orm.getName() : "";
        throw new MappingException(role + " " + cls.getName() + " is in module " + m.getName() + ", which does not open package "
                + pkg + " to " + (orm.isNamed() ? orm.getName() : "the class path") + " (the ORM reads its fields and constructors "
                + "reflectively); add this line to " + m.getName() + "'s module-info.java:  opens " + pkg + to + ";");
    }

    /**
     * A lookup with private access to {@code target}. A named module reads only the modules it requires,
     * and {@code privateLookupIn} wants the ORM's module to read the target's (core reflection does not), so
     * the read edge is added first; it is the ORM module's own edge, which a module may always add.
     */
    public static MethodHandles.Lookup privateLookup(Class<?> target) throws IllegalAccessException {
        OpenPackages.class.getModule().addReads(target.getModule());
        return MethodHandles.privateLookupIn(target, MethodHandles.lookup());
    }
}
