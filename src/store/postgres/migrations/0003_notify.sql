-- Schema 3: every event tells the other hireterm instances on the same
-- database, at its commit (a notification is part of its transaction:
-- one rolled back tells nobody). The payload is the event's id; the
-- instances listen on `hireterm_events` and read again what changed.

CREATE FUNCTION hireterm_event_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('hireterm_events', NEW.id::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER hireterm_events_notify
    AFTER INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION hireterm_event_notify();
