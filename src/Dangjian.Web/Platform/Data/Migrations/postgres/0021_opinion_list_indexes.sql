-- 意见汇总 lists a campaign's opinions newest first, often filtered by nature: read a page at a time in index order
-- instead of sorting every opinion of the campaign (tens of thousands in a busy campaign).

CREATE INDEX "IX_Opinions_CampaignId_ReceivedOn_CreatedAt_Id" ON "Opinions" ("CampaignId", "ReceivedOn", "CreatedAt", "Id");
CREATE INDEX "IX_Opinions_CampaignId_Nature_ReceivedOn_CreatedAt_Id" ON "Opinions" ("CampaignId", "Nature", "ReceivedOn", "CreatedAt", "Id");
