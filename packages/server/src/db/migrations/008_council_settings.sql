-- Issue 10, council settings changed by admins in the console: their audit entries.
-- Numbered 008 to leave 007 to single sign-on; db/schema.test.ts holds these lists against @civicloop/contract.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('feedback.create', 'feedback.update', 'feedback.reply', 'theme.create', 'theme.update', 'theme.publish', 'theme.add-update', 'contact.search', 'contact.export', 'contact.view', 'activity.create', 'activity.invite', 'council.update', 'service.save'));
ALTER TABLE audit_log DROP CONSTRAINT audit_log_subject_type_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_subject_type_check CHECK (subject_type IN ('feedback', 'theme', 'contact', 'activity', 'contact-bank', 'council', 'service'));
