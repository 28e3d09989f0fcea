-- An input remembers the Idempotency-Key it was created with, for good: the key store forgets
-- keys after 24 hours, but an offline outbox may re-send days later (a phone left in a drawer).
-- The key counts per operation, as in the key store (a resident's key never answers for a
-- staff entry), and the request hash lets a late re-send with another body be refused.
-- NULLs are distinct, so inputs sent without a key do not collide.
ALTER TABLE feedback ADD COLUMN idempotency_key text;
ALTER TABLE feedback ADD COLUMN idempotency_operation text;
ALTER TABLE feedback ADD COLUMN request_hash text;
CREATE UNIQUE INDEX feedback_council_idempotency_key ON feedback (council, idempotency_operation, idempotency_key);
