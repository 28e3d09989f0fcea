-- Councils, their services, residents' input and the idempotency store (issue 2).
-- The same SQL runs on PGlite and PostgreSQL: keep to plain PostgreSQL, one statement per `;` line end.

CREATE TABLE councils (
  slug text PRIMARY KEY,
  name text NOT NULL,
  locales jsonb NOT NULL,
  default_locale text NOT NULL,
  origins jsonb NOT NULL DEFAULT '[]',
  input_use jsonb NOT NULL DEFAULT '{}',
  feedback_text_max integer NOT NULL DEFAULT 2000,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE services (
  council text NOT NULL REFERENCES councils (slug) ON DELETE CASCADE,
  id text NOT NULL,
  name jsonb NOT NULL,
  category text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (council, id)
);

CREATE TABLE staff_tokens (
  id text PRIMARY KEY,
  council text NOT NULL REFERENCES councils (slug) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('editor', 'admin')),
  label text,
  -- SHA-256 of the token: tokens are 256 random bits, so a fast hash is enough.
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE feedback (
  id text PRIMARY KEY,
  council text NOT NULL REFERENCES councils (slug) ON DELETE CASCADE,
  receipt text NOT NULL UNIQUE,
  kind text NOT NULL,
  -- text and contact are NULL once the author erases the input; the row stays for the counts.
  text text,
  contact text,
  service text,
  rating integer,
  page_url text,
  locale text,
  channel text NOT NULL DEFAULT 'web',
  status text NOT NULL DEFAULT 'received',
  created_at timestamptz NOT NULL DEFAULT now(),
  erased_at timestamptz
);

CREATE INDEX feedback_council_created ON feedback (council, created_at);

CREATE TABLE feedback_events (
  feedback_id text NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL
);

CREATE INDEX feedback_events_feedback ON feedback_events (feedback_id, at);

CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  -- NULL while the first request is in flight.
  response_status integer,
  response_body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
