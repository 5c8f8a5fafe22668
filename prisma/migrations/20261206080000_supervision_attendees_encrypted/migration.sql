-- Who else attended a session is private to its two people, like the notes, so it is now
-- encrypted too (lib/supervision/crypto.ts). Key rotation re-encrypts it on co-signed records
-- as well, and `npm run keys:rotate` encrypts the values stored as typed before this: the guard
-- lets a rotating transaction change the attendees of a co-signed record, as it does its notes.
CREATE OR REPLACE FUNCTION supervision_session_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."cosignedAt" IS NOT NULL THEN
      RAISE EXCEPTION 'a co-signed supervision record cannot be deleted' USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."cosignedAt" IS NOT NULL THEN
    IF (NEW."notes" IS DISTINCT FROM OLD."notes" OR NEW."attendees" IS DISTINCT FROM OLD."attendees")
      AND coalesce(current_setting('peerroles.rotating_keys', true), '') <> 'on' THEN
      RAISE EXCEPTION 'a co-signed supervision record cannot be changed' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."type" IS DISTINCT FROM OLD."type" OR NEW."heldOn" IS DISTINCT FROM OLD."heldOn" OR NEW."durationMinutes" IS DISTINCT FROM OLD."durationMinutes"
      OR NEW."topics" IS DISTINCT FROM OLD."topics" OR NEW."cosignedAt" IS DISTINCT FROM OLD."cosignedAt"
      OR NEW."cosignedById" IS DISTINCT FROM OLD."cosignedById" OR NEW."supervisorId" IS DISTINCT FROM OLD."supervisorId" OR NEW."peerWorkerId" IS DISTINCT FROM OLD."peerWorkerId"
      OR NEW."agreementId" IS DISTINCT FROM OLD."agreementId" OR NEW."arrangementId" IS DISTINCT FROM OLD."arrangementId" OR NEW."amendsId" IS DISTINCT FROM OLD."amendsId" THEN
      RAISE EXCEPTION 'a co-signed supervision record cannot be changed' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
