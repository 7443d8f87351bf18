package org.athanor.orm.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
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
import org.athanor.orm.rules.check.AnnotationChecks;
import org.athanor.orm.rules.check.FieldView;
import org.athanor.orm.rules.check.ClassChecks;
import org.athanor.orm.rules.check.ClassView;
import org.athanor.orm.rules.check.KeyChecks;
import org.athanor.orm.rules.check.Problem;
import org.athanor.orm.rules.check.RelationshipChecks;
import javax.lang.model.element.ExecutableElement;

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

    record RelationshipModel(String name, String target, boolean collection, boolean elementCollection) {
        RelationshipModel(String name, String target, boolean collection) { this(name, target, collection, false); }
    }
    /**
     * The relationship fields (references, inverse one-to-ones, collections, element collections), in the order of
     * {@link #relationships}: the generated accessor reads and writes them ({@link RelationWriter}).
     */
    final List<VariableElement> relationFields = new ArrayList<>();
    /** The key columns the owning references (@ManyToOne, owning @OneToOne) add to the table, for @Table constraint checks. */
    final List<String> referenceColumns = new ArrayList<>();
    /** Each owning reference with its key columns, in the runtime's order, for the column clash check (CrossChecks). */
    record ReferenceModel(VariableElement field, List<String> columns) {}
    final List<ReferenceModel> references = new ArrayList<>();
    final List<TypeElement> originating = new ArrayList<>();
    boolean privateConstructor;
    boolean failed;
    /** A field's type did not resolve in this round; analyze again in the next one. */
    boolean unresolved;

    final Types types;
    final Elements elements;
    private final Messager messager;
    final Annotations ann;
    /** The entity as the shared checks see it, and the adapter that made the view. */
    final ElementViews views;
    final ClassView view;
    private final ProcessingEnvironment env;
    final List<TypeElement> hierarchyElements = new ArrayList<>();
    /** How many of {@link #attributes} (the first ones) an entity superclass maps: the rest are this class's own. */
    int inheritedAttributes;
    /** How many VarHandles the accessor declares so far (FieldAccesses numbers them). */
    int handles;

    private EntityModel(TypeElement entity, ProcessingEnvironment env) {
        this.entity = entity;
        this.env = env;
        this.types = env.getTypeUtils();
        this.elements = env.getElementUtils();
        this.messager = env.getMessager();
        this.ann = new Annotations(elements);
        this.views = new ElementViews(types, elements);
        this.view = views.of(entity);
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

    /** Reports {@code p} (a mistake a shared check found) on its element; whether there was one. */
    boolean report(Problem p) {
        if (p != null) error(ElementViews.element(p.at()), p.field(), p.message());
        return p != null;
    }

    private void analyze() {
        References references = new References(this);
        // the checks shared with the runtime (org.athanor.orm.rules.check), over a view of the class
        if (report(ClassChecks.shape(view)) || !reachable()) return;
        List<TypeElement> hierarchy = hierarchy();
        if (report(ClassChecks.hierarchyProblem(view)) || report(AnnotationChecks.check(view)) || report(KeyChecks.check(view)))
            return;
        originating.addAll(hierarchy);
        hierarchyElements.addAll(hierarchy);
        DeclaredType self = (DeclaredType) entity.asType();
        // the fields an entity superclass maps are checked with it (as the runtime does), except in TABLE_PER_CLASS,
        // where each class maps them again
        TypeElement parent = entitySuperclass();
        int ownFrom = parent == null || "TABLE_PER_CLASS".equals(ClassChecks.strategy(view)) ? 0 : hierarchy.indexOf(parent) + 1;
        for (TypeElement c : hierarchy) {
            boolean own = hierarchy.indexOf(c) >= ownFrom;
            if (own && hierarchy.indexOf(c) == ownFrom) inheritedAttributes = attributes.size();
            for (VariableElement f : ElementFilter.fieldsIn(c.getEnclosedElements())) {
                if (skipped(f)) continue;
                TypeMirror type = types.asMemberOf(self, f);
                FieldView fv = views.field(f, type);
                RelationshipChecks.Kind kind = RelationshipChecks.kind(fv);
                if (kind != RelationshipChecks.Kind.OTHER && unresolvedType(type)) {
                    unresolved = true; // generated by another processor in a later round, else javac reports it
                    continue;
                }
                // relationships and element collections: the checks shared with the runtime (RelationshipChecks)
                if (own && report(RelationshipChecks.check(view, fv))) continue;
                switch (kind) {
                    case ELEMENT_COLLECTION -> ElementFields.add(this, f, fv); // values in a collection table (as the runtime)
                    case MANY_TO_MANY, ONE_TO_MANY -> references.relationship(f, fv, true);
                    // a reference is not one of the accessor's attributes: the runtime maps it (ToOnes)
                    case INVERSE_ONE, TO_ONE -> references.relationship(f, fv, false);
                    case OTHER -> {
                        if (Annotations.has(f, "EmbeddedId")) { // one at most (KeyChecks)
                            EmbeddedFields.add(this, f, type, false);
                        } else if (EmbeddedFields.isEmbedded(this, f, type)) {
                            EmbeddedFields.add(this, f, type, true);
                        } else {
                            AttributeModel a = new AttributeChecks(this).attribute(f, type, null, f.getSimpleName().toString(),
                                    Annotations.find(f, "Column"));
                            if (a != null) attributes.add(a);
                        }
                    }
                }
            }
        }
        if (failed || unresolved) return;
        new CrossChecks(this, env).run();
        for (AttributeModel a : attributes)
            if (a.name().equals("TABLE"))
                error(a.field(), a.name(), "an attribute named TABLE clashes with the metamodel's TABLE constant; rename the field");
    }

    /** A type (or its type argument) javac has not resolved: generated later, or javac's error to report. */
    private static boolean unresolvedType(TypeMirror t) {
        if (t.getKind() == TypeKind.ERROR) return true;
        return t instanceof DeclaredType d && d.getTypeArguments().stream().anyMatch(a -> a.getKind() == TypeKind.ERROR);
    }

    /** Generated code names the entity: no class around it may be private (the runtime needs no such rule). */
    private boolean reachable() {
        for (Element e = entity; e instanceof TypeElement t; e = t.getEnclosingElement())
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                error(entity, null, "generated code cannot reach the private class " + t.getQualifiedName()
                        + "; make it package-private or public");
                return false;
            }
        for (ExecutableElement c : ElementFilter.constructorsIn(entity.getEnclosedElements()))
            if (c.getParameters().isEmpty()) privateConstructor = c.getModifiers().contains(Modifier.PRIVATE);
        return true;
    }

    /** The nearest superclass annotated @Entity, or null. */
    TypeElement entitySuperclass() {
        for (TypeMirror s = entity.getSuperclass(); s.getKind() == TypeKind.DECLARED; ) {
            TypeElement c = (TypeElement) types.asElement(s);
            if (Annotations.has(c, "Entity")) return c;
            s = c.getSuperclass();
        }
        return null;
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

    /** A {@code fetch = LAZY} reference of this entity and its target, which gets a generated proxy. */
    record LazyTarget(VariableElement field, TypeElement target) {}
    final List<LazyTarget> lazyTargets = new ArrayList<>();

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

    boolean samePackage(Element e) {
        return elements.getPackageOf(e).getQualifiedName().contentEquals(packageName);
    }
}
