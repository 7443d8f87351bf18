package org.athanor.orm;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.athanor.orm.model.Model;

/**
 * A jqwik stateful property: random sequences of add / modify / delete / flush / commit / rollback /
 * expunge / get, bulk update and delete, savepoints (begin, release, roll back), a flush that fails and a commit refused for a duplicate key
 * (each followed by the rollback that recovers), on two entity types (generated and assigned keys), run on a
 * real Session beside {@link SessionModel}. After every commit the database equals the model; after
 * every rollback the session and the database agree.
 *
 * <p>A second property runs relationship operations beside {@link RelationshipModel}: link, unlink, move a
 * child to another parent (through the collections or its reference), delete a parent with cascade, with a
 * nullable key, and with a NOT NULL key (the flush fails, a rollback recovers), flush, commit, rollback,
 * refresh and reload, on three parent/child mappings.
 */
public abstract class SessionStatefulPropertiesBase {
    private static final Map<Class<?>, TestDb> DATABASES = new HashMap<>();
    private SessionModel current;
    private RelationshipModel currentRel;

    protected abstract TestDb openDatabase();

    private synchronized SessionFactory factory() {
        TestDb db = DATABASES.get(getClass());
        if (db == null) {
            db = openDatabase();
            Model.REGISTRY.metadata().createAll(db.engine());
            RelationshipModel.REGISTRY.metadata().createAll(db.engine());
            DATABASES.put(getClass(), db);
        }
        return SessionFactory.of(db.engine(), Model.REGISTRY);
    }

    private SessionFactory relationshipFactory() {
        factory();
        return SessionFactory.of(DATABASES.get(getClass()).engine(), RelationshipModel.REGISTRY);
    }

    @AfterContainer
    static synchronized void closeDatabases() {
        DATABASES.values().forEach(TestDb::close);
        DATABASES.clear();
    }

    // labels leave out NUL and surrogates (PostgreSQL text cannot hold NUL): core's round-trip properties cover strings
    @Property(tries = 60)
    void sessionAgreesWithTheModel(@ForAll("chains") ActionChain<SessionModel> chain) {
        try {
            chain.withInvariant("states", SessionModel::checkStates).run();
        } finally {
            if (current != null) current.close();
            current = null;
        }
    }

    @Provide
    Arbitrary<ActionChain<SessionModel>> chains() {
        SessionFactory factory = factory();
        return ActionChain.<SessionModel>startWith(() -> {
                    if (current != null) current.close();
                    current = new SessionModel(factory.engine(), factory);
                    return current;
                })
                .withAction(3, op("addUser", Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                        .flatMap(n -> Arbitraries.integers().between(0, 120).map(a -> Transformer.<SessionModel>mutate(
                                "addUser(" + n + ", " + a + ")", m -> m.addUser(n, a))))))
                .withAction(2, op("addTag", Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMinLength(0).ofMaxLength(20)
                        .flatMap(l -> Arbitraries.integers().map(w -> Transformer.<SessionModel>mutate(
                                "addTag(" + l + ", " + w + ")", m -> m.addTag(l, w))))))
                .withAction(3, indexed("modify", (m, i) -> m.modify(i, i * 7 % 1000)))
                .withAction(2, indexed("delete", SessionModel::delete))
                .withAction(2, indexed("expunge", SessionModel::expunge))
                .withAction(3, indexed("get", SessionModel::get))
                .withAction(2, plain("flush", SessionModel::flush))
                .withAction(2, plain("commit", SessionModel::commit))
                .withAction(1, plain("rollback", SessionModel::rollback))
                .withAction(1, indexed("failingFlush", SessionModel::failingFlush))
                .withAction(1, indexed("commitDuplicate", SessionModel::commitDuplicate))
                .withAction(1, indexed("bulkUpdate", SessionModel::bulkUpdate))
                .withAction(1, indexed("bulkDelete", SessionModel::bulkDelete))
                .withAction(1, plain("beginNested", SessionModel::beginNested))
                .withAction(1, plain("releaseSavepoint", SessionModel::releaseSavepoint))
                .withAction(1, plain("rollbackSavepoint", SessionModel::rollbackSavepoint))
                .withMaxTransformations(40);
    }

    @Property(tries = 100)
    void relationshipsAgreeWithTheModel(@ForAll("relationshipChains") ActionChain<RelationshipModel> chain) {
        try {
            chain.withInvariant("states", RelationshipModel::checkStates).run();
        } finally {
            if (currentRel != null) currentRel.close();
            currentRel = null;
        }
    }

    @Provide
    Arbitrary<ActionChain<RelationshipModel>> relationshipChains() {
        SessionFactory factory = relationshipFactory();
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 1000);
        return ActionChain.<RelationshipModel>startWith(() -> {
                    if (currentRel != null) currentRel.close();
                    currentRel = new RelationshipModel(factory.engine(), factory);
                    return currentRel;
                })
                .withAction(3, rel(any.tuple2(), t -> "addParent(" + t.get1() + ", " + t.get2() + ")", (m, t) -> m.addParent(t.get1(), t.get2())))
                .withAction(4, rel(any.tuple3(), t -> "addChild(" + t.get1() + ", " + t.get2() + ", " + (t.get3() % 4 == 0) + ")",
                        (m, t) -> m.addChild(t.get1(), t.get2(), t.get3() % 4 == 0)))
                .withAction(3, rel(any.tuple3(), t -> "link(" + t.get1() + ", " + t.get2() + ", " + t.get3() + ")",
                        (m, t) -> m.link(t.get1(), t.get2(), t.get3())))
                .withAction(3, rel(any.tuple2(), t -> "unlink(" + t.get1() + ", " + t.get2() + ")", (m, t) -> m.unlink(t.get1(), t.get2())))
                .withAction(4, rel(any.tuple4(), t -> "move(" + t.get1() + ", " + t.get2() + ", " + t.get3() + ", mode " + t.get4() % 3 + ")",
                        (m, t) -> m.move(t.get1(), t.get2(), t.get3(), t.get4() % 3)))
                .withAction(3, rel(any.tuple2(), t -> "deleteParent(" + t.get1() + ", " + t.get2() + ")", (m, t) -> m.deleteParent(t.get1(), t.get2())))
                .withAction(2, relPlain("flush", RelationshipModel::flush))
                .withAction(2, relPlain("commit", RelationshipModel::commit))
                .withAction(1, relPlain("rollback", RelationshipModel::rollback))
                .withAction(1, relPlain("reload", RelationshipModel::reload))
                .withAction(1, relPlain("checkCollections", RelationshipModel::checkCollections))
                .withAction(1, rel(any, i -> "refresh(" + i + ")", RelationshipModel::refresh))
                .withMaxTransformations(40);
    }

    private static <T> Action.Independent<RelationshipModel> rel(Arbitrary<T> args, java.util.function.Function<T, String> name,
                                                                java.util.function.BiConsumer<RelationshipModel, T> f) {
        return () -> args.map(a -> Transformer.mutate(name.apply(a), m -> f.accept(m, a)));
    }

    private static Action.Independent<RelationshipModel> relPlain(String name, java.util.function.Consumer<RelationshipModel> f) {
        return () -> Arbitraries.just(Transformer.mutate(name, f));
    }

    private static Action.Independent<SessionModel> op(String name, Arbitrary<Transformer<SessionModel>> t) {
        return () -> t;
    }

    private static Action.Independent<SessionModel> indexed(String name, java.util.function.ObjIntConsumer<SessionModel> f) {
        return () -> Arbitraries.integers().between(0, 1000).map(i -> Transformer.mutate(name + "(" + i + ")", m -> f.accept(m, i)));
    }

    private static Action.Independent<SessionModel> plain(String name, java.util.function.Consumer<SessionModel> f) {
        return () -> Arbitraries.just(Transformer.mutate(name, f));
    }
}
