package org.athanor.orm.mapping;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.mapping.model.User;
import org.junit.jupiter.api.Test;

/** What a mapper makes once for every get and query: its report origins, and the refusal of a null id. */
class MapperOriginsTest {
    private static Mapper mapper(Class<?> type) { return Mapper.configure(List.of(type)).get(type); }

    @Test
    void originsAreMadeOnceWithTheEntityName() {
        Mapper m = mapper(User.class);
        assertEquals("get User", m.getOrigin);
        assertEquals("query User", m.queryOrigin);
    }

    @Test
    void aNullIdIsRefusedNamingTheEntity() {
        Mapper m = mapper(User.class);
        NullPointerException e = assertThrows(NullPointerException.class, () -> m.keyFromId(null));
        assertEquals("the id given for User is null", e.getMessage());
    }
}
