-- A submitted score sheet stays submitted, on the same candidate, member and stage: the app never
-- reopens one, and a sheet reopened by hand would let its scores change (the Score trigger guards
-- only the scores of submitted sheets).
CREATE FUNCTION "ScoreSheet_keep_submitted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."submittedAt" IS NOT NULL THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'A submitted score sheet cannot be deleted' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."submittedAt" IS DISTINCT FROM OLD."submittedAt" OR NEW."candidateId" IS DISTINCT FROM OLD."candidateId"
       OR NEW."userId" IS DISTINCT FROM OLD."userId" OR NEW.stage IS DISTINCT FROM OLD.stage THEN
      RAISE EXCEPTION 'A submitted score sheet cannot be reopened or moved' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER "ScoreSheet_keep_submitted" BEFORE UPDATE OR DELETE ON "ScoreSheet" FOR EACH ROW EXECUTE FUNCTION "ScoreSheet_keep_submitted"();

-- The retention purge may replace a correction's reason (free text about the candidate) with this
-- fixed placeholder, as it may erase evidence; nothing else about a submitted score may change.
CREATE OR REPLACE FUNCTION "Score_keep_submitted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "ScoreSheet" s WHERE s.id = OLD."sheetId" AND s."submittedAt" IS NOT NULL) THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'A submitted score cannot be deleted' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.score IS DISTINCT FROM OLD.score OR NEW."criterionId" IS DISTINCT FROM OLD."criterionId" OR NEW."sheetId" IS DISTINCT FROM OLD."sheetId"
       OR NEW."correctsId" IS DISTINCT FROM OLD."correctsId"
       OR NEW.reason IS DISTINCT FROM OLD.reason AND NEW.reason IS DISTINCT FROM '(deleted under the retention rule)'
       OR NEW.evidence IS DISTINCT FROM OLD.evidence AND NEW.evidence IS NOT NULL THEN
      RAISE EXCEPTION 'A submitted score cannot be changed: record a correction instead' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
