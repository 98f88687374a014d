-- Issue 22 (one field end to end): 学时 of a study session, what an attendee earns; sessions from before count their duration.

ALTER TABLE "StudySessions" ADD "Hours" double precision NOT NULL DEFAULT 0;
-- The duration in half hours, rounded down, between 0.5 and 24 (StudyHours.FromDuration).
UPDATE "StudySessions" SET "Hours" = LEAST(24.0, GREATEST(0.5, floor(EXTRACT(EPOCH FROM ("EndsAt" - "StartsAt")) / 1800) / 2.0));
ALTER TABLE "StudySessions" ALTER COLUMN "Hours" DROP DEFAULT;
