-- An input remembers the Idempotency-Key it was created with, for good: the key store forgets
-- keys after 24 hours, but an offline outbox may re-send days later (a phone left in a drawer).
-- NULLs are distinct, so inputs sent without a key do not collide.
ALTER TABLE feedback ADD COLUMN idempotency_key text;
CREATE UNIQUE INDEX feedback_council_idempotency_key ON feedback (council, idempotency_key);
