package org.athanor.orm;

import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.athanor.orm.model.akeys.AkCity;
import org.athanor.orm.model.akeys.AkCountry;
import org.athanor.orm.model.akeys.AkCountry_;
import org.athanor.orm.model.akeys.AkDay;
import org.athanor.orm.model.akeys.AkEvent;
import org.athanor.orm.model.akeys.AkEvent_;
import org.junit.jupiter.api.Test;

/**
 * Key batches over keys of several types (string, UUID, date): the select-in and to-one batch loads bind them as one
 * array ({@code = ANY(?)}) where the dialect has the form and arrays carry the type (PostgreSQL's strings and UUIDs),
 * as IN lists otherwise (every date key; SQLite and MariaDB always); the same objects either way, exact statement counts.
 */
public abstract class KeyBatchTypesTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(AkCountry.class, AkCity.class, AkDay.class, AkEvent.class);

    @Override
    Registry registry() { return REGISTRY; }

    private final List<UUID> cityIds = new ArrayList<>();

    /** 3 countries (the last without cities), 2 cities each for the first two, 2 days, 8 events. */
    private void seed() {
        cityIds.clear();
        try (Session s = sessions.openSession()) {
            List<AkCountry> countries = List.of(new AkCountry("at", "Austria"), new AkCountry("be", "Belgium"), new AkCountry("cy", "Cyprus"));
            s.addAll(countries);
            List<AkCity> cities = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                UUID id = UUID.nameUUIDFromBytes(("city" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                cityIds.add(id);
                cities.add(new AkCity(id, "c" + (3 - i), countries.get(i / 2)));
            }
            s.addAll(cities);
            List<AkDay> days = List.of(new AkDay(LocalDate.of(2026, 12, 6), "sun"), new AkDay(LocalDate.of(2026, 12, 7), "mon"));
            s.addAll(days);
            for (int i = 0; i < 8; i++) s.add(new AkEvent("e" + i, cities.get(i % 4), days.get(i % 2)));
            s.commit();
        }
        statements.clear();
    }

    private boolean anyArray() { return engine.dialect().features().supportsAnyArray(); }

    @Test
    void aSelectinLoadOverStringKeys() {
        seed();
        try (Session s = sessions.openSession()) {
            List<AkCountry> countries = s.query(AkCountry.class).orderBy(AkCountry_.code.asc()).options(selectinLoad(AkCountry_.cities)).all();
            assertEquals(2, count("SELECT"), statements.toString());
            String load = statements.get(1);
            assertTrue(load.contains(anyArray() ? "ak_city.country_code = ANY(?)" : "ak_city.country_code IN ("), load);
            assertEquals(List.of("c2", "c3"), countries.get(0).getCities().stream().map(AkCity::getName).toList());
            assertEquals(List.of("c0", "c1"), countries.get(1).getCities().stream().map(AkCity::getName).toList());
            assertEquals(List.of(), countries.get(2).getCities());
            assertSame(countries.get(1), countries.get(1).getCities().get(0).getCountry());
            assertEquals(2, count("SELECT"), statements.toString());
        }
    }

    @Test
    void toOneBatchesOverUuidAndDateKeys() {
        seed();
        try (Session s = sessions.openSession()) {
            List<AkEvent> events = s.query(AkEvent.class).orderBy(AkEvent_.title.asc()).all();
            // events; their cities (UUID keys); the cities' countries (string keys); their days (date keys)
            assertEquals(4, count("SELECT"), statements.toString());
            String cities = statements.stream().filter(x -> x.contains("FROM ak_city")).findFirst().orElseThrow();
            String countries = statements.stream().filter(x -> x.contains("FROM ak_country")).findFirst().orElseThrow();
            String days = statements.stream().filter(x -> x.contains("FROM ak_day")).findFirst().orElseThrow();
            assertTrue(cities.contains(anyArray() ? "ak_city.id = ANY(?)" : "ak_city.id IN ("), cities);
            assertTrue(countries.contains(anyArray() ? "ak_country.code = ANY(?)" : "ak_country.code IN ("), countries);
            assertTrue(days.contains("ak_day.day IN ("), "arrays do not carry dates, on any database: " + days);
            for (int i = 0; i < 8; i++) {
                AkEvent e = events.get(i);
                assertEquals(cityIds.get(i % 4), e.getCity().getId());
                assertEquals(i % 2 == 0 ? "sun" : "mon", e.getDay().getLabel());
                assertEquals(i % 4 < 2 ? "at" : "be", e.getCity().getCountry().getCode());
            }
            assertSame(events.get(0).getCity(), events.get(4).getCity(), "one object per key");
            assertSame(events.get(0).getDay(), events.get(2).getDay());
        }
    }
}
