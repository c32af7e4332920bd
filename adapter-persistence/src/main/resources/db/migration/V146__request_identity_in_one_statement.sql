-- Who a request comes from, read in one statement that binds the tenant itself: the signed-in person with their
-- organisation (caller_of), or an integration's API token (api_token_of). Every request reads one of them before its
-- unit of work; as a transaction of its own that was four statements (BEGIN, the tenant binding, the row, COMMIT).
-- Called outside a transaction, the binding is local to the statement's own implicit transaction, so a pooled
-- connection never carries it on; row-level security still hides every other tenant's rows (SECURITY INVOKER).
-- docs/adr/0028-the-caller-in-one-statement.md

-- Binds the tenant for the rest of the calling transaction, as the runner's binding does (TenantBindingDao), and
-- refuses a transaction bound to another tenant. No new power: set_config is open to every role anyway.
CREATE FUNCTION bind_tenant(bound_tenant uuid)
    RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    IF coalesce(current_setting('supportdesk.tenant_id', true), '') NOT IN ('', bound_tenant::text) THEN
        RAISE EXCEPTION 'a transaction bound to another tenant cannot act for %', bound_tenant;
    END IF;
    PERFORM set_config('supportdesk.tenant_id', bound_tenant::text, true);
END;
$$;

-- PL/pgSQL, so that the binding has run before the query is executed (within one plain SQL statement the order of
-- set_config and the policies' current_setting is not defined).
CREATE FUNCTION caller_of(bound_tenant uuid, person uuid)
    RETURNS TABLE (tenant_id uuid, id uuid, email text, name text, role text, organization_id uuid, active boolean,
                   language text, organization_name text, organization_shared_tickets boolean)
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM bind_tenant(bound_tenant);
    RETURN QUERY
        SELECT u.tenant_id, u.id, u.email, u.name, u.role, u.organization_id, u.active, u.language,
               o.name, o.shared_tickets
          FROM users u
          LEFT JOIN organizations o ON o.tenant_id = u.tenant_id AND o.id = u.organization_id
         WHERE u.tenant_id = bound_tenant AND u.id = person;
END;
$$;

CREATE FUNCTION api_token_of(bound_tenant uuid, digest text)
    RETURNS TABLE (tenant_id uuid, id uuid, name text, role text, identity_id uuid, created_by uuid,
                   created_at timestamptz, revoked_at timestamptz)
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM bind_tenant(bound_tenant);
    RETURN QUERY
        SELECT a.tenant_id, a.id, a.name, a.role, a.identity_id, a.created_by, a.created_at, a.revoked_at
          FROM api_tokens a
         WHERE a.tenant_id = bound_tenant AND a.secret_digest = digest;
END;
$$;
