-- Opinions kept verbatim, from every channel including the public opinion box.

CREATE TABLE "Opinions" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Channel" integer NOT NULL,
    "ReceivedOn" date NOT NULL,
    "Text" character varying(4000) NOT NULL,
    "Concerns" character varying(100),
    "Nature" integer,
    "Topic" integer,
    "SubmitterName" character varying(50),
    "SubmitterContact" character varying(100),
    "TrackingHash" character varying(64),
    "Reply" character varying(4000),
    "RepliedAt" timestamp with time zone,
    "Note" character varying(4000),
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Opinions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Opinions_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Opinions_CampaignId_Channel" ON "Opinions" ("CampaignId", "Channel");

CREATE INDEX "IX_Opinions_DeletedAt" ON "Opinions" ("DeletedAt");

CREATE UNIQUE INDEX "IX_Opinions_TrackingHash" ON "Opinions" ("TrackingHash");
