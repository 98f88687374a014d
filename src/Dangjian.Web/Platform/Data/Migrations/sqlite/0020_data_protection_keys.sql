-- The Data Protection key ring in the database (DataProtection:Store=Database), shared by every instance.

CREATE TABLE "DataProtectionKeys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL
);
