package org.athanor.orm.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.Naming;
import org.athanor.orm.rules.TypeRules;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import org.athanor.orm.rules.Messages;

/**
 * What the processor knows about one @Entity: its attributes in the runtime's order (mapped superclasses
 * first, declaration order) and how to reach each field. Checks the mapping rules it can see at compile
 * time and reports each mistake on the offending element, in the same words as the runtime.
 */
final class EntityModel {
    final TypeElement entity;
    final String packageName;
    /** The entity's canonical name, as generated code spells it. */
    final String entityName;
    /** The flattened simple name used for generated classes: Outer.User -> Outer_User. */
    final String generatedBase;
    final List<AttributeModel> attributes = new ArrayList<>();
    /** The @ManyToOne and @OneToMany fields: name, the related entity's type, whether a collection. */
    final List<RelationshipModel> relationships = new ArrayList<>();

    record RelationshipModel(String name, String target, boolean collection) {}
    /** The key columns the owning references (@ManyToOne, owning @OneToOne) add to the table, for @Table constraint checks. */
    final List<String> referenceColumns = new ArrayList<>();
    /** The references annotated {@code @Id} (derived identities), checked against the @IdClass by CrossChecks. */
    final List<VariableElement> derivedIds = new ArrayList<>();
    /** The references annotated {@code @MapsId}, checked against the @EmbeddedId by CrossChecks. */
    final List<VariableElement> mapsIds = new ArrayList<>();
    final List<TypeElement> originating = new ArrayList<>();
    boolean privateConstructor;
    boolean failed;
    /** A field's type did not resolve in this round; analyze again in the next one. */
    boolean unresolved;

    final Types types;
    final Elements elements;
    private final Messager messager;
    final Annotations ann;
    private final ProcessingEnvironment env;
    final List<TypeElement> hierarchyElements = new ArrayList<>();
    private int handles;

    private EntityModel(TypeElement entity, ProcessingEnvironment env) {
        this.entity = entity;
        this.env = env;
        this.types = env.getTypeUtils();
        this.elements = env.getElementUtils();
        this.messager = env.getMessager();
        this.ann = new Annotations(elements);
        PackageElement pkg = elements.getPackageOf(entity);
        this.packageName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
        this.entityName = entity.getQualifiedName().toString();
        StringBuilder b = new StringBuilder(entity.getSimpleName());
        for (Element e = entity.getEnclosingElement(); e instanceof TypeElement t; e = t.getEnclosingElement())
            b.insert(0, t.getSimpleName() + "_");
        this.generatedBase = b.toString();
    }

    /** The model; check {@link #failed} (an error was reported) and {@link #unresolved} (retry later) first. */
    static EntityModel analyze(TypeElement entity, ProcessingEnvironment env) {
        EntityModel m = new EntityModel(entity, env);
        m.analyze();
        return m;
    }

    void error(Element where, String field, String problem) {
        errorMessage(where, (field == null ? entityName : entityName + "." + field) + ": " + problem);
    }

    void errorMessage(Element where, String message) {
        failed = true;
        messager.printMessage(Diagnostic.Kind.ERROR, message, where);
    }

    private void analyze() {
        if (!checkClass()) return;
        List<TypeElement> hierarchy = hierarchy();
        if (failed) return;
        checkInheritance();
        if (failed) return;
        checkAnnotations(hierarchy);
        if (failed) return;
        originating.addAll(hierarchy);
        hierarchyElements.addAll(hierarchy);
        DeclaredType self = (DeclaredType) entity.asType();
        List<VariableElement> ids = new ArrayList<>();
        VariableElement embeddedId = null;
        for (TypeElement c : hierarchy) {
            for (VariableElement f : ElementFilter.fieldsIn(c.getEnclosedElements())) {
                if (skipped(f)) continue;
                // a reference is not one of the accessor's attributes: the runtime maps it (ToOnes)
                if (Annotations.has(f, "OneToOne") && oneToOneInverse(f) && Annotations.has(f, "JoinColumn")) {
                    error(f, f.getSimpleName().toString(), org.athanor.orm.rules.AnnotationRules.ONE_TO_ONE_INVERSE_JOIN_COLUMN);
                    continue;
                }
                javax.lang.model.element.AnnotationMirror onDelete = Annotations.findQualified(f, Annotations.ON_DELETE);
                if (onDelete != null && !Annotations.has(f, "ManyToOne") && !Annotations.has(f, "OneToOne")) {
                    error(f, f.getSimpleName().toString(), "@OnDelete without @ManyToOne or @OneToOne; it sets the ON DELETE "
                            + "action of the foreign key a reference's column carries, so put it on that reference");
                    continue;
                }
                if (onDelete != null) checkOnDelete(f, onDelete);
                if ((Annotations.has(f, "ManyToOne") || Annotations.has(f, "OneToOne")) && Annotations.has(f, "Id"))
                    derivedIds.add(f); // a derived identity: the reference's key column is part of the primary key
                if (Annotations.has(f, "MapsId")) {
                    if (!Annotations.has(f, "ManyToOne") && !Annotations.has(f, "OneToOne")) {
                        error(f, f.getSimpleName().toString(), Messages.mapsIdWithoutReference());
                        continue;
                    }
                    mapsIds.add(f);
                }
                if (Annotations.has(f, "ManyToMany")) {
                    if (Annotations.has(f, "JoinTable") && !ann.string(Annotations.find(f, "ManyToMany"), "mappedBy").isEmpty())
                        error(f, f.getSimpleName().toString(), "@JoinTable on the inverse side of a @ManyToMany (mappedBy = \""
                                + ann.string(Annotations.find(f, "ManyToMany"), "mappedBy") + "\"); the owning side's @JoinTable "
                                + "defines the secondary table: move it there");
                    else relationship(f, true);
                    continue;
                }
                if (Annotations.has(f, "JoinTable") && !joinTableOneToMany(f)) {
                    error(f, f.getSimpleName().toString(), Messages.joinTableMisplaced());
                    continue;
                }
                if (Annotations.has(f, "ManyToOne") || Annotations.has(f, "OneToMany") || Annotations.has(f, "OneToOne")) {
                    if (refusedAnnotation(f) || unidirectionalOneToMany(f)) continue;
                    relationship(f, Annotations.has(f, "OneToMany"));
                    continue;
                }
                if (Annotations.has(f, "OrderBy")) {
                    error(f, f.getSimpleName().toString(), "@OrderBy without @OneToMany or @ManyToMany; it orders a collection");
                    continue;
                }
                if (Annotations.has(f, "JoinColumn")) {
                    error(f, f.getSimpleName().toString(), "@JoinColumn without @ManyToOne; annotate the field @ManyToOne "
                            + "(its type the related entity), or use @Column for a basic column");
                    continue;
                }
                if (Annotations.has(f, "EmbeddedId")) {
                    if (embeddedId != null) { error(f, f.getSimpleName().toString(), "a second @EmbeddedId (the first is " + embeddedId.getSimpleName() + ")"); continue; }
                    embeddedId = f;
                    ids.add(f);
                    EmbeddedFields.add(this, f, types.asMemberOf(self, f), false);
                } else if (EmbeddedFields.isEmbedded(this, f, types.asMemberOf(self, f))) {
                    EmbeddedFields.add(this, f, types.asMemberOf(self, f), true);
                } else if (Annotations.has(f, "AttributeOverride") || Annotations.has(f, "AttributeOverrides")) {
                    error(f, f.getSimpleName().toString(), Messages.overrideNotEmbedded());
                } else {
                    if (Annotations.has(f, "Id")) ids.add(f);
                    AttributeModel a = attribute(f, types.asMemberOf(self, f), null, f.getSimpleName().toString(),
                            Annotations.find(f, "Column"));
                    if (a != null) attributes.add(a);
                }
            }
        }
        if (failed || unresolved) return;
        TypeElement parent = entitySuperclass();
        if (parent != null)
            for (VariableElement f : ids)
                if (hierarchy.indexOf((TypeElement) f.getEnclosingElement()) > hierarchy.indexOf(parent))
                    error(f, f.getSimpleName().toString(), "a subclass entity inherits the key of " + parent.getSimpleName()
                            + "; remove @Id (the key is declared once, on the root)");
        if (failed) return;
        checkIds(ids, embeddedId);
        if (!failed) new CrossChecks(this, env).run();
        for (AttributeModel a : attributes)
            if (a.name().equals("TABLE"))
                error(a.field(), a.name(), "an attribute named TABLE clashes with the metamodel's TABLE constant; rename the field");
    }

    private boolean checkClass() {
        String kind = switch (entity.getKind()) {
            case RECORD -> "records are not entities (they are immutable); use a record as a read-only query "
                    + "projection, and map a class with a no-arg constructor as the @Entity";
            case CLASS -> null;
            default -> "an @Entity must be a class, not an interface or enum";
        };
        if (kind == null && entity.getModifiers().contains(Modifier.ABSTRACT) && !Annotations.has(entity, "Inheritance")
                && entitySuperclass() == null)
            kind = "an abstract @Entity has no rows of its own, so it must be the base of an inheritance hierarchy: "
                    + "annotate it @Inheritance(strategy = SINGLE_TABLE or JOINED) and map its concrete subclasses, or make "
                    + "it a @MappedSuperclass";
        if (kind != null) { error(entity, null, kind); return false; }
        if (entity.getNestingKind() == NestingKind.LOCAL || entity.getNestingKind() == NestingKind.ANONYMOUS
                || (entity.getNestingKind() == NestingKind.MEMBER && !entity.getModifiers().contains(Modifier.STATIC))) {
            error(entity, null, Messages.notTopLevel());
            return false;
        }
        for (Element e = entity; e instanceof TypeElement t; e = t.getEnclosingElement())
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                error(entity, null, "generated code cannot reach the private class " + t.getQualifiedName()
                        + "; make it package-private or public");
                return false;
            }
        if ("PROPERTY".equals(ann.enumName(Annotations.find(entity, "Access"), "value")))
            error(entity, null, Messages.propertyAccess());
        ExecutableElement noArg = null;
        for (ExecutableElement c : ElementFilter.constructorsIn(entity.getEnclosedElements()))
            if (c.getParameters().isEmpty()) noArg = c;
        if (noArg == null) error(entity, null, Messages.noNoArgConstructor());
        else privateConstructor = noArg.getModifiers().contains(Modifier.PRIVATE);
        return !failed;
    }

    /** The nearest superclass annotated @Entity, or null. */
    private TypeElement entitySuperclass() {
        for (TypeMirror s = entity.getSuperclass(); s.getKind() == TypeKind.DECLARED; ) {
            TypeElement c = (TypeElement) types.asElement(s);
            if (Annotations.has(c, "Entity")) return c;
            s = c.getSuperclass();
        }
        return null;
    }

    /** The hierarchy rules the runtime's org.athanor.orm.mapping.Inheritance applies first, with its messages. */
    private void checkInheritance() {
        TypeElement parent = entitySuperclass();
        if (parent == null) {
            if ("TABLE_PER_CLASS".equals(ann.enumName(Annotations.find(entity, "Inheritance"), "strategy"))) tablePerClassIds();
            return;
        }
        TypeElement root = parent;
        for (TypeMirror s = root.getSuperclass(); s.getKind() == TypeKind.DECLARED; ) {
            TypeElement c = (TypeElement) types.asElement(s);
            if (Annotations.has(c, "Entity")) root = c;
            s = c.getSuperclass();
        }
        if ("TABLE_PER_CLASS".equals(ann.enumName(Annotations.find(root, "Inheritance"), "strategy"))) tablePerClassIds();
        if (!Annotations.has(root, "Inheritance"))
            error(entity, null, "extends the @Entity " + parent.getQualifiedName() + ", which declares no @Inheritance; "
                    + "annotate it @Inheritance (alone: JPA's default, SINGLE_TABLE with a DTYPE discriminator column; or strategy = "
                    + "JOINED or TABLE_PER_CLASS), or make it a @MappedSuperclass");
        else if (Annotations.has(entity, "Inheritance"))
            error(entity, null, "@Inheritance belongs on the root of the hierarchy (" + root.getQualifiedName() + "), not on a "
                    + "subclass; one hierarchy has one strategy");
    }

    /** TABLE_PER_CLASS: an IDENTITY key per table would repeat ids across the hierarchy (the runtime's message). */
    private void tablePerClassIds() {
        for (TypeElement c = entity; c != null; ) {
            for (VariableElement f : ElementFilter.fieldsIn(c.getEnclosedElements())) {
                javax.lang.model.element.AnnotationMirror gv = Annotations.find(f, "GeneratedValue");
                if (gv == null || !Annotations.has(f, "Id")) continue;
                String strategy = ann.enumName(gv, "strategy");
                if (strategy == null || strategy.equals("AUTO") || strategy.equals("IDENTITY"))
                    error(f, f.getSimpleName().toString(), "TABLE_PER_CLASS keeps each class's rows in its own table, so one "
                            + "IDENTITY column per table would hand out the same id twice in the hierarchy; use "
                            + "@GeneratedValue(strategy = SEQUENCE) (one sequence for the hierarchy) or assign the ids");
            }
            TypeMirror s = c.getSuperclass();
            c = s.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(s) : null;
        }
    }

    /** Whether the entity is abstract (the base of a hierarchy): its accessor cannot instantiate it. */
    boolean isAbstract() { return entity.getModifiers().contains(Modifier.ABSTRACT); }

    private List<TypeElement> hierarchy() {
        List<TypeElement> chain = new ArrayList<>();
        for (TypeMirror s = entity.getSuperclass(); s.getKind() == TypeKind.DECLARED; ) {
            TypeElement c = (TypeElement) types.asElement(s);
            if (c.getQualifiedName().contentEquals("java.lang.Object")) break;
            // an entity superclass: this class is a subclass of its inheritance hierarchy (the runtime checks
            // the hierarchy's annotations); its fields are inherited attributes, first in the accessor's order
            if (Annotations.has(c, "MappedSuperclass") || Annotations.has(c, "Entity")) chain.add(0, c);
            s = c.getSuperclass();
        }
        chain.add(entity);
        return chain;
    }

    /** The metamodel's typed attribute for a relationship field; the runtime checks the rest of the mapping. */
    private static boolean oneToOneInverse(VariableElement f) {
        javax.lang.model.element.AnnotationMirror o = Annotations.find(f, "OneToOne");
        for (var e : o.getElementValues().entrySet())
            if (e.getKey().getSimpleName().contentEquals("mappedBy") && !String.valueOf(e.getValue().getValue()).isEmpty()) return true;
        return false;
    }

    /** The compile-time form of the runtime's @OnDelete checks (ToOnes.onDelete). */
    private void checkOnDelete(VariableElement f, javax.lang.model.element.AnnotationMirror onDelete) {
        String action = ann.enumName(onDelete, "value");
        String field = f.getSimpleName().toString();
        if ("SET_DEFAULT".equals(action))
            error(f, field, "@OnDelete(SET_DEFAULT) is not supported (the key column has no default, and MariaDB does not "
                    + "implement it); use CASCADE, SET_NULL, RESTRICT or NO_ACTION");
        if ("SET_NULL".equals(action)) {
            javax.lang.model.element.AnnotationMirror rel = Annotations.find(f, Annotations.has(f, "ManyToOne") ? "ManyToOne" : "OneToOne");
            javax.lang.model.element.AnnotationMirror jc = Annotations.find(f, "JoinColumn");
            if (!ann.bool(rel, "optional", true) || !ann.bool(jc, "nullable", true))
                error(f, field, "@OnDelete(SET_NULL) on a reference whose column is NOT NULL (optional = false or "
                        + "@JoinColumn(nullable = false)); make it optional, or use CASCADE");
        }
    }

    private void relationship(VariableElement f, boolean collection) {
        TypeMirror t = f.asType();
        if (collection) {
            if (t.getKind() != TypeKind.DECLARED || ((DeclaredType) t).getTypeArguments().size() != 1) return;
            t = ((DeclaredType) t).getTypeArguments().get(0);
        }
        if (t.getKind() != TypeKind.DECLARED) return;
        if (!collection && !(Annotations.has(f, "OneToOne") && oneToOneInverse(f))) referenceColumns.add(referenceColumn(f, (DeclaredType) t));
        relationships.add(new RelationshipModel(f.getSimpleName().toString(), types.erasure(t).toString(), collection));
        if (!collection && "LAZY".equals(ann.enumName(Annotations.find(f, Annotations.has(f, "ManyToOne") ? "ManyToOne" : "OneToOne"), "fetch"))
                && !(Annotations.has(f, "OneToOne") && oneToOneInverse(f)) && types.asElement(t) instanceof TypeElement target)
            lazyTargets.add(new LazyTarget(f, target));
    }

    /** A {@code fetch = LAZY} reference of this entity and its target, which gets a generated proxy. */
    record LazyTarget(VariableElement field, TypeElement target) {}
    final List<LazyTarget> lazyTargets = new ArrayList<>();

    /** As the runtime names it (ToOnes): @JoinColumn(name), else field_snake + "_" + the target's id column. */
    private String referenceColumn(VariableElement f, DeclaredType target) {
        String given = ann.string(Annotations.find(f, "JoinColumn"), "name");
        if (!given.isEmpty()) return given;
        String idColumn = "id";
        for (TypeElement c = (TypeElement) target.asElement(); c != null; ) {
            for (VariableElement v : ElementFilter.fieldsIn(c.getEnclosedElements()))
                if (Annotations.has(v, "Id")) {
                    String n = ann.string(Annotations.find(v, "Column"), "name");
                    idColumn = n.isEmpty() ? org.athanor.orm.rules.Naming.snakeCase(v.getSimpleName().toString()) : n;
                }
            TypeMirror sup = c.getSuperclass();
            c = sup.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(sup) : null;
        }
        return org.athanor.orm.rules.Naming.snakeCase(f.getSimpleName().toString()) + "_" + idColumn;
    }

    static boolean skipped(VariableElement f) {
        Set<Modifier> m = f.getModifiers();
        return m.contains(Modifier.STATIC) || m.contains(Modifier.TRANSIENT) || Annotations.has(f, "Transient");
    }

    boolean accessibleType(TypeElement t) {
        for (Element e = t; e instanceof TypeElement x; e = x.getEnclosingElement()) {
            Set<Modifier> m = x.getModifiers();
            if (m.contains(Modifier.PRIVATE)) return false;
            if (!m.contains(Modifier.PUBLIC) && !samePackage(x)) return false;
        }
        return true;
    }

    private boolean samePackage(Element e) {
        return elements.getPackageOf(e).getQualifiedName().contentEquals(packageName);
    }

    /** The runtime's rule ({@link AnnotationRules}): each jakarta.persistence annotation is honoured or refused. */
    /** Reports the first refused jakarta.persistence annotation of relationship field {@code f} (as the runtime's ToOnes does). */
    /**
     * A {@code @OneToMany} with {@code @JoinColumn}: refused with the runtime's words (ToOnes.mapCollections) until the
     * unidirectional one-to-many with a key column in the element's table is built. Without {@code mappedBy} and
     * {@code @JoinColumn} it is a join-table collection ({@link #joinTableOneToMany}), as in the runtime's ManyToManys.
     */
    private boolean unidirectionalOneToMany(VariableElement f) {
        if (!Annotations.has(f, "OneToMany") || !Annotations.has(f, "JoinColumn")) return false;
        error(f, f.getSimpleName().toString(), Messages.oneToManyJoinColumn());
        return true;
    }

    /** A {@code @OneToMany} with neither {@code mappedBy} nor {@code @JoinColumn}: JPA's join table (the runtime's rule). */
    private boolean joinTableOneToMany(VariableElement f) {
        return Annotations.has(f, "OneToMany") && !Annotations.has(f, "JoinColumn")
                && ann.string(Annotations.find(f, "OneToMany"), "mappedBy").isEmpty();
    }

    private boolean refusedAnnotation(VariableElement f) {
        for (AnnotationMirror a : f.getAnnotationMirrors()) {
            String p = jakartaName(a) == null ? null : AnnotationRules.problem(jakartaName(a), null);
            if (p != null) {
                error(f, f.getSimpleName().toString(), p);
                return true;
            }
        }
        return false;
    }

    private void checkAnnotations(List<TypeElement> hierarchy) {
        if (nonEmpty(ann.value(Annotations.find(entity, "Table"), "check")))
            error(entity, null, AnnotationRules.problem("CheckConstraint", null));
        AnnotationMirror table = Annotations.find(entity, "Table");
        for (String member : List.of("comment", "options")) {
            String p = table == null ? null : AnnotationRules.ddlMemberProblem("Table", member, ann.string(table, member));
            if (p != null) { error(entity, null, p); break; }
        }
        for (TypeElement c : hierarchy) {
            if (Annotations.has(c, "AttributeOverride") || Annotations.has(c, "AttributeOverrides"))
                error(entity, null, Messages.overrideOnClass());
            for (AnnotationMirror a : c.getAnnotationMirrors()) {
                String p = jakartaName(a) == null ? null : AnnotationRules.problem(jakartaName(a), null);
                if (p != null) error(entity, null, p);
            }
            for (ExecutableElement m : ElementFilter.methodsIn(c.getEnclosedElements()))
                for (AnnotationMirror a : m.getAnnotationMirrors()) {
                    String n = jakartaName(a);
                    if (n == null) continue;
                    String p = AnnotationRules.problem(n, m.getSimpleName().toString());
                    if (p == null && AnnotationRules.CALLBACKS.contains(n))
                        p = AnnotationRules.callbackProblem(n, m.getSimpleName().toString(),
                                m.getModifiers().contains(javax.lang.model.element.Modifier.STATIC), m.getParameters().size(),
                                m.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID);
                    if (p != null) error(m, null, p);
                }
        }
        checkListeners(hierarchy);
    }

    /**
     * The {@code @EntityListeners} classes of the hierarchy (the runtime's Callbacks.of does the same
     * checks): concrete, default-constructible, each callback method an instance method returning void
     * and taking the entity.
     */
    private void checkListeners(List<TypeElement> hierarchy) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TypeElement c : hierarchy) {
            Object v = ann.value(Annotations.find(c, "EntityListeners"), "value");
            if (!(v instanceof List<?> list)) continue;
            for (Object o : list) {
                if (!(((javax.lang.model.element.AnnotationValue) o).getValue() instanceof TypeMirror tm)
                        || !(types.asElement(tm) instanceof TypeElement l)) continue;
                String name = l.getQualifiedName().toString(), which = "the entity listener " + name;
                if (!seen.add(name)) {
                    error(entity, null, which + " is listed twice in @EntityListeners of its hierarchy; list each listener class once");
                    continue;
                }
                if (l.getKind() != javax.lang.model.element.ElementKind.CLASS || l.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)) {
                    error(entity, null, which + " is not a concrete class; @EntityListeners names classes Athanor"
                            + " instantiates with their constructor without parameters");
                    continue;
                }
                if (l.getNestingKind() == javax.lang.model.element.NestingKind.MEMBER && !l.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
                    error(entity, null, which + " is an inner class; make it a static nested or top-level class with a constructor without parameters");
                    continue;
                }
                boolean any = false;
                for (TypeElement lc = l; lc != null && !lc.getQualifiedName().contentEquals("java.lang.Object");
                        lc = lc.getSuperclass().getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(lc.getSuperclass()) : null)
                    for (ExecutableElement m : ElementFilter.methodsIn(lc.getEnclosedElements()))
                        for (AnnotationMirror a : m.getAnnotationMirrors()) {
                            String n = jakartaName(a);
                            if (n == null) continue;
                            String mn = m.getSimpleName().toString(), p;
                            if (!AnnotationRules.CALLBACKS.contains(n)) p = AnnotationRules.listenerAnnotationProblem(n, name, mn);
                            else {
                                int params = m.getParameters().size();
                                TypeMirror pt = params == 1 ? m.getParameters().get(0).asType() : null;
                                p = AnnotationRules.listenerCallbackProblem(n, name, mn,
                                        m.getModifiers().contains(javax.lang.model.element.Modifier.STATIC), params,
                                        m.getReturnType().getKind() == TypeKind.VOID,
                                        pt != null && types.isAssignable(types.erasure(entity.asType()), types.erasure(pt)),
                                        pt == null ? null : types.erasure(pt).toString(), entity.getQualifiedName().toString());
                            }
                            if (p != null) error(entity, null, p);
                            any = true;
                        }
                if (!any)
                    error(entity, null, which + " declares no lifecycle callback method (@PrePersist, ..., taking the"
                            + " entity); remove it from @EntityListeners or annotate its methods");
                else if (ElementFilter.constructorsIn(l.getEnclosedElements()).stream().noneMatch(k -> k.getParameters().isEmpty()))
                    error(entity, null, which + " has no constructor without parameters; an entity listener class must be default-constructible");
            }
        }
    }

    /** The simple name of a jakarta.persistence annotation, else null. */
    private static String jakartaName(AnnotationMirror a) {
        TypeElement t = (TypeElement) a.getAnnotationType().asElement();
        String q = t.getQualifiedName().toString();
        return q.equals(AnnotationRules.PACKAGE + "." + t.getSimpleName()) ? t.getSimpleName().toString() : null;
    }

    private static boolean nonEmpty(Object arrayValue) { return arrayValue instanceof List<?> l && !l.isEmpty(); }

    /**
     * A field's jakarta.persistence annotations (see {@link #checkAnnotations}), {@code column} its effective
     * {@code @Column} (an @AttributeOverride's for an embedded field); false after reporting an error.
     */
    private boolean fieldAnnotationsHonoured(VariableElement f, TypeMirror type, String label, AnnotationMirror column) {
        for (AnnotationMirror a : f.getAnnotationMirrors()) {
            String p = jakartaName(a) == null ? null : AnnotationRules.problem(jakartaName(a), null);
            if (p != null) { error(f, label, p); return false; }
        }
        if (nonEmpty(ann.value(column, "check"))) {
            error(f, label, AnnotationRules.problem("CheckConstraint", null));
            return false;
        }
        String ddl = column == null ? null : AnnotationRules.columnDdlProblem(ann.string(column, "options"), ann.string(column, "comment"));
        if (ddl != null) {
            error(f, label, ddl);
            return false;
        }
        Element t = type.getKind() == TypeKind.DECLARED ? types.asElement(type) : null;
        if (t != null && t.getKind() == ElementKind.ENUM)
            for (VariableElement c : ElementFilter.fieldsIn(t.getEnclosedElements()))
                if (Annotations.has(c, "EnumeratedValue")) {
                    error(f, label, AnnotationRules.problem("EnumeratedValue", null));
                    return false;
                }
        return true;
    }

    /**
     * Checks one field and decides how to reach it; null after reporting an error. {@code holder}: the
     * {@code @EmbeddedId} or @Embedded field it is reached through, else null; {@code column}: its effective @Column.
     */
    AttributeModel attribute(VariableElement f, TypeMirror type, AttributeModel.HolderModel holder, String label,
                             AnnotationMirror column) {
        String name = holder != null && holder.embedded() ? holder.name() + "." + f.getSimpleName() : f.getSimpleName().toString();
        if (!fieldAnnotationsHonoured(f, type, label, column)) return null;
        if (f.getModifiers().contains(Modifier.FINAL)) {
            error(f, label, "the field is final; persistent fields must be assignable (remove final, or mark the field @Transient)");
            return null;
        }
        TypeMirror erased = types.erasure(type);
        if (type.getKind() == TypeKind.ERROR || erased.getKind() == TypeKind.ERROR) {
            // not resolved (yet): another processor may generate it in a later round, else javac reports it
            unresolved = true;
            return null;
        }
        if (type.getKind() == TypeKind.TYPEVAR) {
            error(f, label, "its type " + f.asType() + " is a type variable that " + entity.getSimpleName()
                    + " does not bind to a class");
            return null;
        }
        boolean primitive = erased.getKind().isPrimitive();
        String typeName = erased.toString();
        String boxed = primitive ? types.boxedClass((javax.lang.model.type.PrimitiveType) erased).getQualifiedName().toString() : typeName;
        boolean isEnum = erased.getKind() == TypeKind.DECLARED && types.asElement(erased).getKind() == ElementKind.ENUM;
        boolean converted = Annotations.has(f, "Convert") && !ann.bool(Annotations.find(f, "Convert"), "disableConversion", false);
        boolean id = holder != null && !holder.embedded() || Annotations.has(f, "Id");
        boolean version = Annotations.has(f, "Version");

        if (Annotations.has(f, "Enumerated") && !isEnum) {
            error(f, label, "@Enumerated is only for enum fields, but the field is " + boxed);
            return null;
        }
        if (Annotations.has(f, "Lob") && !boxed.equals("java.lang.String") && !boxed.equals("byte[]")) {
            error(f, label, "@Lob is supported on String (TEXT) and byte[] (BLOB), not " + boxed);
            return null;
        }
        if (!converted && !isEnum && !TypeRules.BASIC.contains(boxed)) {
            error(f, label, "unsupported field type " + type + "; supported types are " + TypeRules.SUPPORTED
                    + "; or mark the field @Transient");
            return null;
        }
        if (id && !converted && !TypeRules.ID_TYPES.contains(boxed)) {
            error(f, label, "@Id on unsupported type " + typeName + "; id types are " + TypeRules.describe(TypeRules.ID_TYPES));
            return null;
        }
        if (version && !TypeRules.VERSION_TYPES.contains(boxed)) {
            error(f, label, Messages.unsupportedVersionType(typeName));
            return null;
        }
        AnnotationMirror gv = Annotations.find(f, "GeneratedValue");
        if (gv != null) {
            String strategy = ann.enumName(gv, "strategy");
            if (!id) { error(f, label, "@GeneratedValue is only allowed on the @Id field"); return null; }
            if (!Set.of("AUTO", "IDENTITY", "SEQUENCE").contains(strategy)) {
                error(f, label, "@GeneratedValue(strategy = " + strategy + ") is not supported; use IDENTITY, SEQUENCE, "
                        + "AUTO (= IDENTITY), or assign the value yourself");
                return null;
            }
            if (!TypeRules.INTEGRAL.contains(boxed)) {
                error(f, label, "@GeneratedValue(" + strategy + ") needs an integer field (short, int, long or their "
                        + "wrappers), but the field is " + typeName);
                return null;
            }
        }
        String columnName = ann.string(column, "name");
        if (converted && !Converters.check(this, f, label, boxed)) return null;
        return new AttributeModel(name, f, typeName, boxed, primitive, access(f), holder, label,
                columnName.isEmpty() ? Naming.snakeCase(f.getSimpleName().toString()) : columnName, id, gv != null);
    }

    private void checkIds(List<VariableElement> ids, VariableElement embeddedId) {
        boolean idClass = Annotations.has(entity, "IdClass");
        if (!derivedIds.isEmpty()) {
            // the runtime's rules for derived identities (org.athanor.orm.mapping.DerivedIds), same messages
            VariableElement f = derivedIds.get(0);
            if (Annotations.has(f, "MapsId")) error(f, f.getSimpleName().toString(), Messages.mapsIdWithId());
            else if (entitySuperclass() != null || Annotations.has(entity, "Inheritance"))
                error(f, f.getSimpleName().toString(), Messages.derivedIdInHierarchy());
            else if (embeddedId != null) error(embeddedId, embeddedId.getSimpleName().toString(), Messages.embeddedIdAndId());
            else if (!idClass) error(f, f.getSimpleName().toString(), Messages.derivedIdWithoutIdClass(f.getSimpleName().toString()));
            return;
        }
        if (ids.isEmpty()) {
            for (TypeElement c = entity; c != null; ) {
                for (ExecutableElement m : ElementFilter.methodsIn(c.getEnclosedElements()))
                    if (Annotations.has(m, "Id") || Annotations.has(m, "EmbeddedId")) {
                        error(m, null, "@Id is on the method " + m.getSimpleName() + "(); Athanor maps fields (field "
                                + "access), so put @Id and the other annotations on the fields");
                        return;
                    }
                TypeMirror s = c.getSuperclass();
                c = s.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(s) : null;
            }
            error(entity, null, "has no @Id field; mark the primary key field with @Id (or @EmbeddedId / several @Id "
                    + "with @IdClass for a composite key)");
            return;
        }
        if (embeddedId != null && ids.size() > 1) {
            error(embeddedId, embeddedId.getSimpleName().toString(), Messages.embeddedIdAndId());
            return;
        }
        if (ids.size() > 1 && !idClass)
            error(entity, null, Messages.compositeKeyWithoutIdClass(ids.stream().map(v -> v.getSimpleName().toString()).toList()));
    }

    /**
     * Direct access when legal from the generated class, else a VarHandle, else (a declaring class the
     * generated code cannot name) getter+setter. Not the getter when a VarHandle works: the ORM's own reads
     * must not run entity code, and on a lazy proxy ({@code User_Proxy}) a getter would load the row.
     */
    FieldAccess access(VariableElement f) {
        TypeElement declaring = (TypeElement) f.getEnclosingElement();
        Set<Modifier> m = f.getModifiers();
        String name = f.getSimpleName().toString();
        if (accessibleType(declaring) && (m.contains(Modifier.PUBLIC) || (!m.contains(Modifier.PRIVATE) && samePackage(declaring))))
            return new FieldAccess.Direct(name);
        if (accessibleType(declaring))
            // the VarHandle is looked up with the field's declared (erased) type, which for T id in Base<T> is Object
            return new FieldAccess.Handle("H" + (handles++) + "_" + name, types.erasure(declaring.asType()).toString(), name,
                    types.erasure(f.asType()).toString());
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        ExecutableElement getter = method(declaring, "get" + cap, null);
        if (getter == null && f.asType().getKind() == TypeKind.BOOLEAN) getter = method(declaring, "is" + cap, null);
        ExecutableElement setter = method(declaring, "set" + cap, f.asType());
        if (getter != null && setter != null && types.isSameType(types.erasure(getter.getReturnType()), types.erasure(f.asType())))
            return new FieldAccess.Accessors(getter.getSimpleName().toString(), setter.getSimpleName().toString());
        // the VarHandle is looked up with the field's declared (erased) type, which for T id in Base<T> is Object
        return new FieldAccess.Handle("H" + (handles++) + "_" + name, types.erasure(declaring.asType()).toString(), name,
                types.erasure(f.asType()).toString());
    }

    /** An accessible method of the field's declaring class (inherited ones included) with that name and parameter. */
    private ExecutableElement method(TypeElement declaring, String name, TypeMirror param) {
        for (ExecutableElement e : ElementFilter.methodsIn(elements.getAllMembers(declaring))) {
            if (!e.getSimpleName().contentEquals(name) || e.getModifiers().contains(Modifier.STATIC)) continue;
            Set<Modifier> m = e.getModifiers();
            TypeElement owner = (TypeElement) e.getEnclosingElement();
            if (!(m.contains(Modifier.PUBLIC) && accessibleType(owner)) && (m.contains(Modifier.PRIVATE) || !samePackage(owner))) continue;
            if (param == null ? e.getParameters().isEmpty()
                    : e.getParameters().size() == 1 && types.isSameType(types.erasure(e.getParameters().get(0).asType()), types.erasure(param)))
                return e;
        }
        return null;
    }
}
