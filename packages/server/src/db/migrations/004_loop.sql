-- Closing the loop (issue 8): themes and their timeline, links from inputs to themes, personal
-- replies, the audit log, input seen in public, the open-data licence and full-text search.
-- db/schema.test.ts holds the CHECK lists and the text-search mapping against @civicloop/contract.

-- Input seen in public: citizen-led action recorded by staff, with where it can be seen.
ALTER TABLE feedback DROP CONSTRAINT feedback_channel_check;

ALTER TABLE feedback ADD CONSTRAINT feedback_channel_check CHECK (channel IN ('web', 'phone', 'in-person', 'paper', 'email', 'outreach', 'petition', 'campaign', 'protest', 'social-media', 'press', 'artwork'));

ALTER TABLE feedback ADD COLUMN source_url text;

-- The first public response (a personal reply, or a published theme answering it): the loop figures count from it.
ALTER TABLE feedback ADD COLUMN answered_at timestamptz;

-- A reply is requested exactly when the resident left an address (`contact`); the address is
-- used for that email alone and is set NULL with the text when the author erases the input.

ALTER TABLE councils ADD COLUMN open_licence text NOT NULL DEFAULT 'CC-BY-4.0';

-- Full-text search in the resident's language: the PostgreSQL configuration of each locale,
-- 'simple' (no stemming) where there is none. Immutable, so an index can be built on it.
CREATE FUNCTION civicloop_ts_config(locale text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE locale
    WHEN 'en' THEN 'english'
    WHEN 'pl' THEN 'simple'
    WHEN 'sv' THEN 'swedish'
    WHEN 'da' THEN 'danish'
    WHEN 'de' THEN 'german'
    WHEN 'fr' THEN 'french'
    WHEN 'pt' THEN 'portuguese'
    WHEN 'ro' THEN 'romanian'
    ELSE 'simple' END)::regconfig
$$;

CREATE INDEX feedback_search ON feedback USING gin (to_tsvector(civicloop_ts_config(locale), COALESCE(text, '')));

CREATE INDEX feedback_council_status ON feedback (council, status, created_at);

CREATE TABLE themes (
  id text PRIMARY KEY,
  council text NOT NULL REFERENCES councils (slug) ON DELETE CASCADE,
  -- Plain text written by staff for the public; never HTML.
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  you_said text NOT NULL CHECK (char_length(you_said) BETWEEN 1 AND 4000),
  we_did text CHECK (char_length(we_did) BETWEEN 1 AND 4000),
  status text NOT NULL DEFAULT 'listening' CHECK (status IN ('listening', 'considering', 'planned', 'done', 'not-possible')),
  status_reason text,
  service text,
  locale text NOT NULL CHECK (locale IN ('en', 'pl', 'sv', 'da', 'de', 'fr', 'pt', 'ro')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- NULL while a draft: drafts are never public.
  published_at timestamptz
);

CREATE INDEX themes_council_updated ON themes (council, updated_at, id);

CREATE TABLE theme_updates (
  id text PRIMARY KEY,
  theme_id text NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
  status text CHECK (status IN ('listening', 'considering', 'planned', 'done', 'not-possible'))
);

CREATE INDEX theme_updates_theme ON theme_updates (theme_id, at);

CREATE TABLE theme_feedback (
  theme_id text NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
  feedback_id text NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
  linked_at timestamptz NOT NULL,
  PRIMARY KEY (theme_id, feedback_id)
);

CREATE INDEX theme_feedback_feedback ON theme_feedback (feedback_id);

CREATE TABLE replies (
  id text PRIMARY KEY,
  feedback_id text NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
  text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 4000),
  created_at timestamptz NOT NULL,
  staff_token text NOT NULL,
  emailed_at timestamptz
);

CREATE INDEX replies_feedback ON replies (feedback_id, created_at);

-- Who did what, when, before and after; never an email address.
CREATE TABLE audit_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text NOT NULL UNIQUE,
  council text NOT NULL REFERENCES councils (slug) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  token_id text NOT NULL,
  token_label text,
  role text NOT NULL CHECK (role IN ('editor', 'admin')),
  action text NOT NULL CHECK (action IN ('feedback.create', 'feedback.update', 'feedback.reply', 'theme.create', 'theme.update', 'theme.publish', 'theme.add-update')),
  subject_type text NOT NULL CHECK (subject_type IN ('feedback', 'theme')),
  subject_id text NOT NULL,
  before jsonb,
  after jsonb
);

CREATE INDEX audit_log_council ON audit_log (council, seq);
