-- The contract's enums and bounds held by the database too (issue 6): a row that no client may
-- send cannot be stored by another path (the CLI, a script, a later feature) either.
-- db/schema.test.ts holds every list and number here against @civicloop/contract.

ALTER TABLE feedback ADD CONSTRAINT feedback_kind_check CHECK (kind IN ('praise', 'problem', 'idea', 'question'));

ALTER TABLE feedback ADD CONSTRAINT feedback_status_check CHECK (status IN ('received', 'in-review', 'answered', 'closed'));

ALTER TABLE feedback ADD CONSTRAINT feedback_channel_check CHECK (channel IN ('web', 'phone', 'in-person', 'paper', 'email', 'outreach'));

ALTER TABLE feedback ADD CONSTRAINT feedback_rating_check CHECK (rating BETWEEN 1 AND 5);

ALTER TABLE feedback ADD CONSTRAINT feedback_locale_check CHECK (locale IN ('en', 'pl', 'sv', 'da', 'de', 'fr', 'pt', 'ro'));

ALTER TABLE feedback ADD CONSTRAINT feedback_text_length_check CHECK (char_length(text) BETWEEN 1 AND 2000);

ALTER TABLE feedback_events ADD CONSTRAINT feedback_events_status_check CHECK (status IN ('received', 'in-review', 'answered', 'closed'));

ALTER TABLE services ADD CONSTRAINT services_category_check CHECK (category IN ('education', 'health', 'culture', 'communal', 'transport', 'social', 'other'));

ALTER TABLE councils ADD CONSTRAINT councils_default_locale_check CHECK (default_locale IN ('en', 'pl', 'sv', 'da', 'de', 'fr', 'pt', 'ro'));

ALTER TABLE councils ADD CONSTRAINT councils_feedback_text_max_check CHECK (feedback_text_max BETWEEN 1 AND 2000);

ALTER TABLE councils ADD CONSTRAINT councils_min_fill_ms_check CHECK (min_fill_ms BETWEEN 0 AND 600000);

ALTER TABLE councils ADD CONSTRAINT councils_pow_difficulty_check CHECK (pow_difficulty BETWEEN 0 AND 32);
