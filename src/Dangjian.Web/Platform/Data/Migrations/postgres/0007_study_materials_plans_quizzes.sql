-- Study materials and copies, study plans, discussion topics, question bank and quizzes, attachments, leave requests.

ALTER TABLE "SessionAttendees" ADD "LeaveRequestedAt" timestamp with time zone NULL;

ALTER TABLE "SessionAttendees" ADD "LeaveRefusal" character varying(500) NULL;

CREATE TABLE "StoredFiles" (
    "Id" uuid NOT NULL,
    "OwnerType" character varying(40) NOT NULL,
    "OwnerId" uuid NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "ContentType" character varying(120) NOT NULL,
    "Length" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "StorageKey" character varying(100) NOT NULL,
    "UploadedById" uuid,
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_StoredFiles" PRIMARY KEY ("Id")
);

CREATE TABLE "Questions" (
    "Id" uuid NOT NULL,
    "OwnerUnitId" uuid NOT NULL,
    "Type" integer NOT NULL,
    "Category" character varying(50),
    "Stem" character varying(2000) NOT NULL,
    "Options" character varying(4000) NOT NULL,
    "Answer" character varying(4000) NOT NULL,
    "Points" integer NOT NULL,
    "Explanation" character varying(2000),
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Questions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Questions_OrgUnits_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Quizzes" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "OpensAt" timestamp with time zone NOT NULL,
    "ClosesAt" timestamp with time zone NOT NULL,
    "TimeLimitMinutes" integer NOT NULL,
    "MaxAttempts" integer NOT NULL,
    "Shuffle" boolean NOT NULL,
    "PassScore" integer NOT NULL,
    "PublishedAt" timestamp with time zone,
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Quizzes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Quizzes_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "StudyMaterials" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Publisher" character varying(200),
    "Description" character varying(2000),
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_StudyMaterials" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_StudyMaterials_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "StudyPlans" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "DocumentId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Audience" character varying(2000) NOT NULL,
    "StartsOn" date NOT NULL,
    "EndsOn" date NOT NULL,
    "Topics" character varying(4000) NOT NULL,
    "ReadingIds" character varying(2000) NOT NULL,
    "Outcome" character varying(2000) NOT NULL,
    "Responsible" character varying(200),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_StudyPlans" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_StudyPlans_ApprovalDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "ApprovalDocuments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_StudyPlans_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "QuizAttempts" (
    "Id" uuid NOT NULL,
    "QuizId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "DueAt" timestamp with time zone NOT NULL,
    "QuestionOrder" character varying(8000) NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "Late" boolean NOT NULL,
    "AutoScore" integer,
    "Score" integer,
    "NeedsMarking" boolean NOT NULL,
    "MarkedAt" timestamp with time zone,
    "MarkedByName" character varying(100),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_QuizAttempts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_QuizAttempts_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_QuizAttempts_Quizzes_QuizId" FOREIGN KEY ("QuizId") REFERENCES "Quizzes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "QuizQuestions" (
    "Id" uuid NOT NULL,
    "QuizId" uuid NOT NULL,
    "Order" integer NOT NULL,
    "QuestionId" uuid,
    "Type" integer NOT NULL,
    "Stem" character varying(2000) NOT NULL,
    "Options" character varying(4000) NOT NULL,
    "Answer" character varying(4000) NOT NULL,
    "Points" integer NOT NULL,
    "Explanation" character varying(2000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_QuizQuestions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_QuizQuestions_Quizzes_QuizId" FOREIGN KEY ("QuizId") REFERENCES "Quizzes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MaterialCopies" (
    "Id" uuid NOT NULL,
    "MaterialId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "DistributedAt" timestamp with time zone NOT NULL,
    "ReadAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_MaterialCopies" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_MaterialCopies_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MaterialCopies_StudyMaterials_MaterialId" FOREIGN KEY ("MaterialId") REFERENCES "StudyMaterials" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DiscussionTopics" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "SessionId" uuid,
    "Title" character varying(200) NOT NULL,
    "Description" character varying(2000),
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_DiscussionTopics" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DiscussionTopics_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DiscussionTopics_StudySessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "StudySessions" ("Id") ON DELETE SET NULL
);

CREATE TABLE "QuizAnswers" (
    "Id" uuid NOT NULL,
    "AttemptId" uuid NOT NULL,
    "QuizQuestionId" uuid NOT NULL,
    "Response" character varying(4000) NOT NULL,
    "Correct" boolean,
    "Points" integer,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_QuizAnswers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_QuizAnswers_QuizAttempts_AttemptId" FOREIGN KEY ("AttemptId") REFERENCES "QuizAttempts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_QuizAnswers_QuizQuestions_QuizQuestionId" FOREIGN KEY ("QuizQuestionId") REFERENCES "QuizQuestions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DiscussionSpeakers" (
    "Id" uuid NOT NULL,
    "TopicId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "Record" character varying(4000),
    "RecordedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_DiscussionSpeakers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DiscussionSpeakers_DiscussionTopics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "DiscussionTopics" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DiscussionSpeakers_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DiscussionSpeakers_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DiscussionSpeakers_OrgUnitId" ON "DiscussionSpeakers" ("OrgUnitId");

CREATE INDEX "IX_DiscussionSpeakers_PersonId" ON "DiscussionSpeakers" ("PersonId");

CREATE UNIQUE INDEX "IX_DiscussionSpeakers_TopicId_PersonId" ON "DiscussionSpeakers" ("TopicId", "PersonId");

CREATE INDEX "IX_DiscussionTopics_CampaignId" ON "DiscussionTopics" ("CampaignId");

CREATE INDEX "IX_DiscussionTopics_DeletedAt" ON "DiscussionTopics" ("DeletedAt");

CREATE INDEX "IX_DiscussionTopics_SessionId" ON "DiscussionTopics" ("SessionId");

CREATE UNIQUE INDEX "IX_MaterialCopies_MaterialId_PersonId" ON "MaterialCopies" ("MaterialId", "PersonId");

CREATE INDEX "IX_MaterialCopies_PersonId" ON "MaterialCopies" ("PersonId");

CREATE INDEX "IX_Questions_DeletedAt" ON "Questions" ("DeletedAt");

CREATE INDEX "IX_Questions_OwnerUnitId_Type" ON "Questions" ("OwnerUnitId", "Type");

CREATE UNIQUE INDEX "IX_QuizAnswers_AttemptId_QuizQuestionId" ON "QuizAnswers" ("AttemptId", "QuizQuestionId");

CREATE INDEX "IX_QuizAnswers_QuizQuestionId" ON "QuizAnswers" ("QuizQuestionId");

CREATE INDEX "IX_QuizAttempts_PersonId" ON "QuizAttempts" ("PersonId");

CREATE UNIQUE INDEX "IX_QuizAttempts_QuizId_PersonId_Number" ON "QuizAttempts" ("QuizId", "PersonId", "Number");

CREATE INDEX "IX_QuizQuestions_QuizId_Order" ON "QuizQuestions" ("QuizId", "Order");

CREATE INDEX "IX_Quizzes_CampaignId_OpensAt" ON "Quizzes" ("CampaignId", "OpensAt");

CREATE INDEX "IX_Quizzes_DeletedAt" ON "Quizzes" ("DeletedAt");

CREATE INDEX "IX_StoredFiles_DeletedAt" ON "StoredFiles" ("DeletedAt");

CREATE INDEX "IX_StoredFiles_OwnerType_OwnerId" ON "StoredFiles" ("OwnerType", "OwnerId");

CREATE INDEX "IX_StudyMaterials_CampaignId" ON "StudyMaterials" ("CampaignId");

CREATE INDEX "IX_StudyMaterials_DeletedAt" ON "StudyMaterials" ("DeletedAt");

CREATE INDEX "IX_StudyPlans_CampaignId" ON "StudyPlans" ("CampaignId");

CREATE UNIQUE INDEX "IX_StudyPlans_DocumentId" ON "StudyPlans" ("DocumentId");
