-- 200,000 tickets in one tenant for QueryPlanTest, run as the application role in a transaction bound to :tenant.
-- Ids are readable: users 00000000-0000-4000-a000-<n>, organisations …-b000-<n>, tags …-c000-<n>,
-- tickets 00000000-0000-7000-8000-<n> (time-ordered, like UUIDv7), messages …-9000-<n>; <n> is 12 hex digits.
INSERT INTO organizations (tenant_id, id, name, shared_tickets, created_at)
SELECT :tenant, ('00000000-0000-4000-b000-' || lpad(to_hex(i), 12, '0'))::uuid, 'Organisation ' || i, i % 2 = 0,
       timestamptz '2024-01-01'
  FROM generate_series(1, 200) i;

-- 2,000 customers, every second one in an organisation; 50 agents.
INSERT INTO users (tenant_id, id, email, name, role, organization_id, active, created_at)
SELECT :tenant, ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid, 'customer' || i || '@example.com',
       'Customer ' || i || ' ' || (ARRAY['Smith', 'Jones', 'Brown', 'Taylor', 'Wilson'])[1 + i % 5], 'customer',
       CASE WHEN i % 2 = 0 THEN ('00000000-0000-4000-b000-' || lpad(to_hex(1 + i % 200), 12, '0'))::uuid END,
       true, timestamptz '2024-01-01'
  FROM generate_series(1, 2000) i;
INSERT INTO users (tenant_id, id, email, name, role, active, created_at)
SELECT :tenant, ('00000000-0000-4000-a000-' || lpad(to_hex(10000 + i), 12, '0'))::uuid, 'agent' || i || '@example.com',
       'Agent ' || i, 'agent', true, timestamptz '2024-01-01'
  FROM generate_series(1, 50) i;

-- Ticket i: requester customer 1 + i % 2000 (and that customer's organisation), assignee agent 1 + i % 50 for three
-- in four, one every five minutes from 2024-01-01, statuses and priorities in turn, a few escalated, breached or
-- deleted; subject words Printer/Login/… plus the unique word w<i>.
INSERT INTO tickets (tenant_id, id, number_year, number_sequence, subject, description, category, priority, status,
    requester_id, organization_id, assignee_id, assigned_at, source, custom_fields, escalated_at, escalation_reason,
    sla_policy_version, sla_calendar_version, first_response_due_at, resolution_due_at, first_response_breached_at,
    resolution_breached_at, first_responded_at, created_at, updated_at, customer_updated_at, messages_count, deleted_at,
    version)
SELECT :tenant, ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 2024 + i / 100000, i,
       (ARRAY['Printer', 'Login', 'Invoice', 'Crash', 'Slow'])[1 + i % 5] || ' problem w' || i,
       'Description d' || (i % 10000) || ' about the ' || (ARRAY['screen', 'keyboard', 'server', 'network'])[1 + i % 4],
       (ARRAY['bug', 'feature', 'question', 'billing', 'technical', 'other'])[1 + i % 6],
       (ARRAY['low', 'medium', 'high', 'urgent'])[1 + i % 4],
       (ARRAY['new', 'in_progress', 'waiting_on_customer', 'on_hold', 'resolved', 'closed'])[1 + i % 6],
       ('00000000-0000-4000-a000-' || lpad(to_hex(1 + i % 2000), 12, '0'))::uuid,
       CASE WHEN (1 + i % 2000) % 2 = 0
            THEN ('00000000-0000-4000-b000-' || lpad(to_hex(1 + (1 + i % 2000) % 200), 12, '0'))::uuid END,
       CASE WHEN i % 4 <> 0 THEN ('00000000-0000-4000-a000-' || lpad(to_hex(10000 + 1 + i % 50), 12, '0'))::uuid END,
       CASE WHEN i % 4 <> 0 THEN timestamptz '2024-01-01' + i * interval '5 minutes' END,
       'api', '{}',
       CASE WHEN i % 100 = 0 THEN timestamptz '2024-01-01' + i * interval '5 minutes' END,
       CASE WHEN i % 100 = 0 THEN 'customer is angry' END,
       1, 1,
       CASE WHEN i % 3 <> 0 THEN timestamptz '2024-01-01' + i * interval '5 minutes' + interval '4 hours' END,
       CASE WHEN i % 5 <> 0 THEN timestamptz '2024-01-01' + i * interval '5 minutes' + interval '3 days' END,
       CASE WHEN i % 50 = 0 THEN timestamptz '2024-01-01' + i * interval '5 minutes' + interval '4 hours' END,
       NULL,
       CASE WHEN i % 7 = 0 THEN timestamptz '2024-01-01' + i * interval '5 minutes' + interval '1 hour' END,
       timestamptz '2024-01-01' + i * interval '5 minutes',
       timestamptz '2024-01-01' + i * interval '5 minutes' + (i % 1000) * interval '1 minute',
       timestamptz '2024-01-01' + i * interval '5 minutes' + (i % 500) * interval '1 minute',
       1,
       CASE WHEN i % 97 = 0 THEN timestamptz '2026-01-01' END,
       1
  FROM generate_series(1, 200000) i;

-- 100 tags; every third ticket has one.
INSERT INTO tags (tenant_id, id, name)
SELECT :tenant, ('00000000-0000-4000-c000-' || lpad(to_hex(i), 12, '0'))::uuid, 'tag' || i
  FROM generate_series(1, 100) i;
INSERT INTO ticket_tags (tenant_id, ticket_id, tag_id)
SELECT :tenant, ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
       ('00000000-0000-4000-c000-' || lpad(to_hex(1 + i % 100), 12, '0'))::uuid
  FROM generate_series(3, 200000, 3) i;

-- One message per ticket, every third one an internal note, with the word m<i % 20000>.
INSERT INTO messages (tenant_id, id, ticket_id, author_id, author_name, author_role, kind, customer_visible, body, via,
    is_resolution, created_at)
SELECT :tenant, ('00000000-0000-7000-9000-' || lpad(to_hex(i), 12, '0'))::uuid,
       ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
       ('00000000-0000-4000-a000-' || lpad(to_hex(10000 + 1 + i % 50), 12, '0'))::uuid, 'Agent', 'agent',
       CASE WHEN i % 3 = 0 THEN 'internal' ELSE 'public' END, i % 3 <> 0,
       'Reply about m' || (i % 20000) || ' and other things', 'api', false,
       timestamptz '2024-01-01' + i * interval '5 minutes' + interval '1 hour'
  FROM generate_series(1, 200000) i;
