-- Outgoing email (§13, docs/adr/0014). Tables users and outbox keep their row-level security (V001, V070): only
-- columns are added here.
--
-- A person's language: what the mail we send them is written in.
ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ru'));
