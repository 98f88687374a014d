-- Issue 23: talks and 恳谈 with people outside the roster (e.g. 30 named 科技工作者): the partner becomes optional and a
-- guest is kept by name and unit.

ALTER TABLE "Talks" ALTER COLUMN "PartnerId" DROP NOT NULL;

ALTER TABLE "Talks" ADD "GuestName" character varying(50);

ALTER TABLE "Talks" ADD "GuestAffiliation" character varying(100);
