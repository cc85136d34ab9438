-- The jwt plugin's key table for H2, following Better Auth's PostgreSQL DDL as h2.sql does (varchar for text,
-- timestamp(3) for timestamptz). Created only when the plugin is on.
create table "jwks" ("id" varchar(255) not null primary key, "publicKey" varchar not null, "privateKey" varchar not null, "createdAt" timestamp(3) not null, "expiresAt" timestamp(3), "alg" varchar, "crv" varchar);
