-- Issue 12, the server at scale (SERVER). Numbered 006 to leave 005 to the contact bank; each
-- statement stands alone, so the order in which 005 and 006 reach a database does not matter.

-- Every process keeps the councils in memory and forgets them on this notification, sent at the
-- commit of any change to the table, whoever makes it (a server, the CLI, psql).
CREATE OR REPLACE FUNCTION civicloop_councils_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('civicloop_councils', ''); RETURN NULL; END $$;

CREATE TRIGGER councils_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON councils FOR EACH STATEMENT EXECUTE FUNCTION civicloop_councils_changed();
