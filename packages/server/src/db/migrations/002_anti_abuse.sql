-- Spam protection without third parties (issue 3): per-council settings, rate counters,
-- spent proof-of-work challenges and the server secret. Nothing here holds a raw address.

ALTER TABLE councils ADD COLUMN min_fill_ms integer NOT NULL DEFAULT 0;
ALTER TABLE councils ADD COLUMN pow_required boolean NOT NULL DEFAULT false;
ALTER TABLE councils ADD COLUMN pow_difficulty integer NOT NULL DEFAULT 16;

-- Server-wide settings, e.g. the generated secret, shared by every process on this database.
CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

-- Fixed one-hour windows; bucket is "client:<council>:<keyed hash of the address>" or "council:<council>".
CREATE TABLE rate_counters (
  bucket text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL DEFAULT 0,
  PRIMARY KEY (bucket, window_start)
);

-- A challenge is good for one input: its hash stays here until it expires.
CREATE TABLE spent_challenges (
  digest text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);

