-- The caller of a request (the signed-in person, with their organisation) in one statement that binds the tenant
-- itself. Every request reads its caller before its unit of work; as a transaction of its own that was four
-- statements (BEGIN, the tenant binding, the row, COMMIT). Called outside a transaction, the binding is local to the
-- statement's own implicit transaction, so a pooled connection never carries it on; row-level security still hides
-- every other tenant's rows (SECURITY INVOKER). Like the runner's binding, it refuses a transaction bound to another
-- tenant.
CREATE FUNCTION caller_of(bound_tenant uuid, person uuid)
    RETURNS TABLE (tenant_id uuid, id uuid, email text, name text, role text, organization_id uuid, active boolean,
                   language text, organization_name text, organization_shared_tickets boolean)
    LANGUAGE plpgsql
AS $$
BEGIN
    IF coalesce(current_setting('supportdesk.tenant_id', true), '') NOT IN ('', bound_tenant::text) THEN
        RAISE EXCEPTION 'a transaction bound to another tenant cannot read a caller of %', bound_tenant;
    END IF;
    PERFORM set_config('supportdesk.tenant_id', bound_tenant::text, true);
    RETURN QUERY
        SELECT u.tenant_id, u.id, u.email, u.name, u.role, u.organization_id, u.active, u.language,
               o.name, o.shared_tickets
          FROM users u
          LEFT JOIN organizations o ON o.tenant_id = u.tenant_id AND o.id = u.organization_id
         WHERE u.tenant_id = bound_tenant AND u.id = person;
END;
$$;
