-- A vote takes a random empty ballot slot with one index seek (the first empty slot after a random id) instead of
-- counting the appraisal's empty slots and skipping to a random one: the index now ends with the slot's id.

DROP INDEX "IX_AppraisalBallots_AppraisalId_Filled";
CREATE INDEX "IX_AppraisalBallots_AppraisalId_Filled_Id" ON "AppraisalBallots" ("AppraisalId", "Filled", "Id");
