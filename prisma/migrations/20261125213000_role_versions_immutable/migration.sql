-- A submitted role version is frozen: the database refuses any change to what
-- it says or which role and number it is, and refuses deleting it. Only its
-- status and agreedAt move (in review -> agreed -> superseded).
CREATE FUNCTION "role_version_is_frozen"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'Role versions cannot be deleted' USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW."content" IS DISTINCT FROM OLD."content"
     OR NEW."roleId" IS DISTINCT FROM OLD."roleId"
     OR NEW."number" IS DISTINCT FROM OLD."number"
     OR NEW."submittedById" IS DISTINCT FROM OLD."submittedById"
     OR NEW."submittedAt" IS DISTINCT FROM OLD."submittedAt" THEN
    RAISE EXCEPTION 'A submitted role version cannot be changed' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "RoleVersion_frozen"
  BEFORE UPDATE OR DELETE ON "RoleVersion"
  FOR EACH ROW EXECUTE FUNCTION "role_version_is_frozen"();
