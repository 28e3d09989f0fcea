-- Issue 10, single sign-on for council staff (OIDC). A council's OpenID Connect settings, the
-- staff sessions made from a sign-in, and the person behind an audited action.

-- One row per council that has single sign-on; the client secret never leaves the server.
CREATE TABLE council_sso (
  council text PRIMARY KEY REFERENCES councils (slug) ON DELETE CASCADE,
  issuer text NOT NULL,
  client_id text NOT NULL,
  client_secret text,
  label text,
  scopes jsonb NOT NULL DEFAULT '["openid", "profile"]',
  authorization_endpoint text NOT NULL,
  role_claim text NOT NULL,
  editor_values jsonb NOT NULL DEFAULT '[]',
  admin_values jsonb NOT NULL DEFAULT '[]',
  session_minutes integer NOT NULL DEFAULT 480 CHECK (session_minutes >= 5 AND session_minutes <= 1440),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The public configuration carries the sign-in settings: every process forgets its cached
-- councils when they change, as for the councils table itself (006).
CREATE TRIGGER council_sso_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_sso FOR EACH STATEMENT EXECUTE FUNCTION civicloop_councils_changed();

CREATE TABLE staff_sessions (
  id text PRIMARY KEY,
  council text NOT NULL REFERENCES councils (slug) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('editor', 'admin')),
  subject text NOT NULL,
  name text,
  -- SHA-256 of the session token (256 random bits), as for staff tokens.
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  -- Set by sign-out: the session is refused from then on.
  ended_at timestamptz
);

CREATE INDEX staff_sessions_expiry ON staff_sessions (expires_at);

-- The person signed in with single sign-on, for actions made in a session (null for staff tokens).
ALTER TABLE audit_log ADD COLUMN person_subject text, ADD COLUMN person_name text;
