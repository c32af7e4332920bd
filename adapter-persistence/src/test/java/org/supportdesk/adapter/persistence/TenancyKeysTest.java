package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every table of the migrated schema is keyed and referenced by tenant, so the tenant could be a Citus distribution
 * column (docs/scaling.md): a NOT NULL {@code tenant_id}, a primary key, unique constraints and unique indexes that
 * include it, and foreign keys that match it on both sides. Read from the catalog, so a new table or constraint is
 * checked the day it is added; each failure names the offending tables and constraints.
 */
@ExtendWith(PostgresExtension.class)
class TenancyKeysTest {
    /** Tables with no tenant column, and why each may have none. */
    private static final Map<String, String> GLOBAL_TABLES = Map.of(
            "tenants", "the tenant table itself: its id is the distribution column (a Citus reference table)",
            "flyway_schema_history", "Flyway's own record of the schema, one per database");

    private static final String TABLES_WITHOUT_TENANT_ID =
            """
            SELECT c.relname FROM pg_class c
             WHERE c.relnamespace = :schema::regnamespace AND c.relkind IN ('r', 'p')
               AND NOT c.relname = ANY(:globalTables)
               AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                                WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnotnull)
             ORDER BY 1
            """;

    private static final String KEYS_WITHOUT_TENANT_ID =
            """
            SELECT c.relname || '.' || k.conname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
             WHERE c.relnamespace = :schema::regnamespace AND k.contype IN ('p', 'u')
               AND NOT c.relname = ANY(:globalTables)
               AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                                WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnum = ANY(k.conkey))
             ORDER BY 1
            """;

    private static final String UNIQUE_INDEXES_WITHOUT_TENANT_ID =
            """
            SELECT c.relname || '.' || i.relname FROM pg_index x
              JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
             WHERE c.relnamespace = :schema::regnamespace AND x.indisunique
               AND NOT c.relname = ANY(:globalTables)
               AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                                WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnum = ANY(x.indkey))
             ORDER BY 1
            """;

    /** A reference to the tenant table itself matches tenant_id to tenants.id; any other, tenant_id to tenant_id. */
    private static final String FOREIGN_KEYS_NOT_BY_TENANT =
            """
            SELECT c.relname || '.' || k.conname || ' -> ' || r.relname
              FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
             WHERE c.relnamespace = :schema::regnamespace AND k.contype = 'f'
               AND NOT EXISTS (
                   SELECT 1 FROM unnest(k.conkey, k.confkey) AS pair(own, referenced)
                     JOIN pg_attribute o ON o.attrelid = c.oid AND o.attnum = pair.own
                     JOIN pg_attribute f ON f.attrelid = r.oid AND f.attnum = pair.referenced
                    WHERE o.attname = 'tenant_id'
                      AND f.attname = CASE WHEN r.relname = 'tenants' THEN 'id' ELSE 'tenant_id' END)
             ORDER BY 1
            """;

    private final TestDatabase database;

    TenancyKeysTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void every_table_has_a_not_null_tenant_id() {
        assertThat(offenders(TABLES_WITHOUT_TENANT_ID, database.schema()))
                .as("tables without a NOT NULL tenant_id (not in the global tables %s)", GLOBAL_TABLES.keySet())
                .isEmpty();
    }

    @Test
    void every_primary_key_and_unique_constraint_includes_tenant_id() {
        assertThat(offenders(KEYS_WITHOUT_TENANT_ID, database.schema()))
                .as("primary keys and unique constraints without tenant_id")
                .isEmpty();
    }

    @Test
    void every_unique_index_includes_tenant_id() {
        assertThat(offenders(UNIQUE_INDEXES_WITHOUT_TENANT_ID, database.schema()))
                .as("unique indexes without tenant_id")
                .isEmpty();
    }

    @Test
    void every_foreign_key_matches_tenant_id_on_both_sides() {
        assertThat(offenders(FOREIGN_KEYS_NOT_BY_TENANT, database.schema()))
                .as("foreign keys that do not match tenant_id to tenant_id (or to tenants.id)")
                .isEmpty();
    }

    @Test
    void the_checks_name_each_table_and_constraint_that_breaks_the_rules() {
        String planted =
                "planted_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        database.jdbi().useHandle(handle -> handle.execute("CREATE SCHEMA " + planted));
        try {
            database.jdbi().useHandle(handle -> handle.createScript(
                            """
                            CREATE TABLE %1$s.people (tenant_id uuid NOT NULL, id uuid, email text,
                                CONSTRAINT people_pk PRIMARY KEY (tenant_id, id), CONSTRAINT people_email UNIQUE (email));
                            CREATE UNIQUE INDEX people_email_lower ON %1$s.people (lower(email));
                            CREATE TABLE %1$s.notes (tenant_id uuid, id uuid PRIMARY KEY, person_id uuid,
                                CONSTRAINT notes_person FOREIGN KEY (tenant_id, person_id)
                                    REFERENCES %1$s.people (tenant_id, id),
                                CONSTRAINT notes_by_id FOREIGN KEY (id, person_id) REFERENCES %1$s.people (tenant_id, id));
                            """
                                    .formatted(planted))
                    .execute());

            assertThat(offenders(TABLES_WITHOUT_TENANT_ID, planted)).containsExactly("notes");
            assertThat(offenders(KEYS_WITHOUT_TENANT_ID, planted))
                    .containsExactly("notes.notes_pkey", "people.people_email");
            assertThat(offenders(UNIQUE_INDEXES_WITHOUT_TENANT_ID, planted))
                    .containsExactly("notes.notes_pkey", "people.people_email", "people.people_email_lower");
            assertThat(offenders(FOREIGN_KEYS_NOT_BY_TENANT, planted)).containsExactly("notes.notes_by_id -> people");
        } finally {
            database.jdbi().useHandle(handle -> handle.execute("DROP SCHEMA " + planted + " CASCADE"));
        }
    }

    private List<String> offenders(String sql, String schema) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql)
                .bind("schema", schema)
                .bind("globalTables", GLOBAL_TABLES.keySet().toArray(String[]::new))
                .mapTo(String.class)
                .list());
    }
}
