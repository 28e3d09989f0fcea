-- Where the resident follows an input (the form's follow-url): the emails that answer it link there.
ALTER TABLE feedback ADD COLUMN follow_url text;
