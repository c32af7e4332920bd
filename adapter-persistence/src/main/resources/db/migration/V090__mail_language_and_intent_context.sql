-- Outgoing email (§13, docs/adr/0014). Tables users and outbox keep their row-level security (V001, V070): only
-- columns are added here.
--
-- A person's language: what the mail we send them is written in.
ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ru'));

-- An intent is expanded into deliveries after its change committed, so it keeps what a mail needs of that change:
-- whose change it was (they are not told of it), the message a reply or note posted (a staff reply's mail quotes it)
-- and the status a status change set (the ticket may have moved on by then). No foreign keys: these are facts of the
-- moment, and erasure (§16) must not be blocked by an old intent.
ALTER TABLE outbox ADD COLUMN message_id uuid;
ALTER TABLE outbox ADD COLUMN caused_by uuid;
ALTER TABLE outbox ADD COLUMN status text;
