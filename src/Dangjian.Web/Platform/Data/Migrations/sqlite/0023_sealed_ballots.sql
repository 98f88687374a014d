-- Ballot secrecy against a database reader (docs/security.md §1): a cast online ballot is kept sealed, in the same
-- transaction as the voting right it used, until the close, when all of an appraisal's envelopes are opened and
-- written as plain ballots in random order. Online ballots no longer exist as empty slots filled one by one.

ALTER TABLE "Appraisals" ADD COLUMN "UnsealedAt" TEXT NULL;

CREATE TABLE "SealedBallots" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SealedBallots" PRIMARY KEY,
    "AppraisalId" TEXT NOT NULL,
    "Envelope" BLOB NOT NULL,
    CONSTRAINT "FK_SealedBallots_Appraisals_AppraisalId" FOREIGN KEY ("AppraisalId") REFERENCES "Appraisals" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SealedBallots_AppraisalId" ON "SealedBallots" ("AppraisalId");

DELETE FROM "AppraisalBallots" WHERE NOT "Filled" AND NOT "Paper";
