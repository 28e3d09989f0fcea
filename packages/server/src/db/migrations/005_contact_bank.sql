-- The contact bank (issue 9): residents, associations and businesses who agree to be asked to
-- co-create; their consent ledger, the tokens of their emails, activities and invitations.
-- db/schema.test.ts holds the CHECK lists against @civicloop/contract.
--
-- Personal data lives in five columns of `contacts` (email, name, organisation, phone,
-- accessibility_note); withdrawal and expiry set them NULL at once, with every token of the
-- entry. The row stays as an anonymous count (kind, channel, when it ended).

-- The council's bank: districts (with population), consent text and version, privacy notice,
-- formats, languages, age bands. NULL: the council runs no bank.
ALTER TABLE councils ADD COLUMN contact_bank jsonb;
-- Groups of the reach view smaller than this are suppressed.
ALTER TABLE councils ADD COLUMN reach_threshold integer NOT NULL DEFAULT 5 CHECK (reach_threshold >= 1);

CREATE TABLE contacts (
  id text PRIMARY KEY,
  council text NOT NULL REFERENCES councils (slug) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'withdrawn', 'expired')),
  kind text NOT NULL CHECK (kind IN ('resident', 'association', 'business')),
  -- Personal data: NULL once the entry is withdrawn or expired.
  email text,
  name text,
  organisation text,
  phone text,
  accessibility_note text,
  -- What they signed up for; cleared too when the entry ends.
  district text,
  services jsonb NOT NULL DEFAULT '[]',
  categories jsonb NOT NULL DEFAULT '[]',
  formats jsonb NOT NULL DEFAULT '[]',
  languages jsonb NOT NULL DEFAULT '[]',
  accessibility jsonb NOT NULL DEFAULT '[]',
  age_band text CHECK (age_band IN ('under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-plus')),
  locale text NOT NULL CHECK (locale IN ('en', 'pl', 'sv', 'da', 'de', 'fr', 'pt', 'ro')),
  page_url text,
  joined_via text NOT NULL DEFAULT 'direct' CHECK (joined_via IN ('direct', 'pass-it-on')),
  consent_version text NOT NULL,
  purposes jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  changed_at timestamptz,
  renewed_at timestamptz,
  expires_at timestamptz,
  -- When the re-consent email went out for the current period (reset by renewal).
  reconsent_sent_at timestamptz,
  ended_at timestamptz,
  CHECK ((status IN ('pending', 'active')) = (email IS NOT NULL))
);

-- One entry per address and council: a known address gets its manage link, not a second entry.
CREATE UNIQUE INDEX contacts_email ON contacts (council, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX contacts_council_status ON contacts (council, status, confirmed_at);
CREATE INDEX contacts_expiry ON contacts (expires_at) WHERE status = 'active';

-- The consent ledger: every event of every entry, kept after erasure (it names no one).
CREATE TABLE consent_ledger (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contact_id text NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  event text NOT NULL CHECK (event IN ('given', 'confirmed', 'changed', 'renewed', 'withdrawn', 'expired')),
  version text NOT NULL,
  purposes jsonb NOT NULL
);
CREATE INDEX consent_ledger_contact ON consent_ledger (contact_id, seq);

CREATE TABLE activities (
  id text PRIMARY KEY,
  council text NOT NULL REFERENCES councils (slug) ON DELETE CASCADE,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  format text NOT NULL CHECK (format IN ('workshop', 'survey', 'interview', 'online-meeting', 'in-person', 'service-testing', 'advisory-group')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  place text,
  url text,
  text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
  locale text NOT NULL CHECK (locale IN ('en', 'pl', 'sv', 'da', 'de', 'fr', 'pt', 'ro')),
  created_at timestamptz NOT NULL
);
CREATE INDEX activities_council ON activities (council, created_at DESC, id DESC);

CREATE TABLE invitations (
  id text PRIMARY KEY,
  activity_id text NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  contact_id text NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  invited_at timestamptz NOT NULL,
  answer text CHECK (answer IN ('yes', 'no')),
  answered_at timestamptz,
  UNIQUE (activity_id, contact_id)
);
CREATE INDEX invitations_contact ON invitations (contact_id);

-- The tokens of emails, by their SHA-256 only: confirm (7 days), manage, invitation (one per
-- invitation) and one-click unsubscribe (one per purpose). All go when the entry ends.
CREATE TABLE contact_tokens (
  hash text PRIMARY KEY,
  contact_id text NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('confirm', 'manage', 'invitation', 'unsubscribe')),
  invitation_id text REFERENCES invitations (id) ON DELETE CASCADE,
  purpose text CHECK (purpose IN ('invitations', 'news')),
  expires_at timestamptz
);
CREATE INDEX contact_tokens_contact ON contact_tokens (contact_id);

-- The audit log records the contact bank's staff actions too.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('feedback.create', 'feedback.update', 'feedback.reply', 'theme.create', 'theme.update', 'theme.publish', 'theme.add-update', 'contact.search', 'contact.export', 'contact.view', 'activity.create', 'activity.invite'));
ALTER TABLE audit_log DROP CONSTRAINT audit_log_subject_type_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_subject_type_check CHECK (subject_type IN ('feedback', 'theme', 'contact', 'activity', 'contact-bank'));
