-- The Data Protection key ring in the database (DataProtection:Store=Database), shared by every instance.

CREATE TABLE "DataProtectionKeys" (
    "Id" uuid NOT NULL,
    "FriendlyName" character varying(200),
    "Xml" character varying(20000) NOT NULL,
    CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY ("Id")
);
