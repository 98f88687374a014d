-- Issue 22 (one field end to end): 学时 of a study session, what an attendee earns; sessions from before count their duration.

ALTER TABLE "StudySessions" ADD COLUMN "Hours" REAL NOT NULL DEFAULT 0;
-- The duration in half hours, rounded down, between 0.5 and 24 (StudyHours.FromDuration).
UPDATE "StudySessions" SET "Hours" = min(24.0, max(0.5, CAST((julianday("EndsAt") - julianday("StartsAt")) * 48 AS INTEGER) / 2.0));
