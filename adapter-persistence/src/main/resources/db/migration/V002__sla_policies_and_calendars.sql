-- SLA policies and business calendars, every version kept: a ticket is measured under the versions it was filed with
-- (tickets.sla_policy_version, tickets.sla_calendar_version), so a new version never rewrites the past.

CREATE TABLE sla_policies (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    version    integer     NOT NULL CHECK (version > 0),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, version)
);

CREATE TABLE sla_policy_targets (
    tenant_id              uuid    NOT NULL,
    version                integer NOT NULL,
    priority               text    NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    first_response_minutes integer NOT NULL CHECK (first_response_minutes > 0),
    resolution_minutes     integer NOT NULL CHECK (resolution_minutes > 0),
    PRIMARY KEY (tenant_id, version, priority),
    FOREIGN KEY (tenant_id, version) REFERENCES sla_policies (tenant_id, version)
);

CREATE TABLE business_calendars (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    version     integer     NOT NULL CHECK (version > 0),
    always_open boolean     NOT NULL,
    time_zone   text,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, version),
    CHECK (always_open = (time_zone IS NULL))
);

-- Local wall-clock opening intervals in minutes after midnight; 1440 is 24:00.
CREATE TABLE business_calendar_hours (
    tenant_id   uuid     NOT NULL,
    version     integer  NOT NULL,
    day_of_week smallint NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    from_minute smallint NOT NULL CHECK (from_minute BETWEEN 0 AND 1439),
    to_minute   smallint NOT NULL CHECK (to_minute BETWEEN 1 AND 1440),
    PRIMARY KEY (tenant_id, version, day_of_week, from_minute),
    FOREIGN KEY (tenant_id, version) REFERENCES business_calendars (tenant_id, version),
    CHECK (from_minute < to_minute)
);

CREATE TABLE business_calendar_holidays (
    tenant_id uuid    NOT NULL,
    version   integer NOT NULL,
    day       date    NOT NULL,
    PRIMARY KEY (tenant_id, version, day),
    FOREIGN KEY (tenant_id, version) REFERENCES business_calendars (tenant_id, version)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['sla_policies', 'sla_policy_targets', 'business_calendars', 'business_calendar_hours',
        'business_calendar_holidays']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = NULLIF(current_setting(''supportdesk.tenant_id'', true), '''')::uuid)
            WITH CHECK (tenant_id = NULLIF(current_setting(''supportdesk.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END;
$$;
