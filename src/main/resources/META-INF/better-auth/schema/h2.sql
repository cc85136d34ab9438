-- Better Auth's tables for H2 (the embedded default database of Payara and WildFly). Better Auth has no H2
-- migration; this follows its PostgreSQL DDL, with varchar for text (indexable lookups) and timestamp(3) for
-- timestamptz (read back as java.sql.Timestamp by every JPA provider; instants are written in the JVM time zone).
create table "user" ("id" varchar(255) not null primary key, "name" varchar not null, "email" varchar(255) not null unique, "emailVerified" boolean not null, "image" varchar, "createdAt" timestamp(3) default CURRENT_TIMESTAMP not null, "updatedAt" timestamp(3) default CURRENT_TIMESTAMP not null);
create table "session" ("id" varchar(255) not null primary key, "expiresAt" timestamp(3) not null, "token" varchar(255) not null unique, "createdAt" timestamp(3) default CURRENT_TIMESTAMP not null, "updatedAt" timestamp(3) not null, "ipAddress" varchar, "userAgent" varchar, "userId" varchar(255) not null references "user" ("id") on delete cascade);
create table "account" ("id" varchar(255) not null primary key, "accountId" varchar not null, "providerId" varchar not null, "userId" varchar(255) not null references "user" ("id") on delete cascade, "accessToken" varchar, "refreshToken" varchar, "idToken" varchar, "accessTokenExpiresAt" timestamp(3), "refreshTokenExpiresAt" timestamp(3), "scope" varchar, "password" varchar, "createdAt" timestamp(3) default CURRENT_TIMESTAMP not null, "updatedAt" timestamp(3) not null);
create table "verification" ("id" varchar(255) not null primary key, "identifier" varchar(255) not null, "value" varchar not null, "expiresAt" timestamp(3) not null, "createdAt" timestamp(3) default CURRENT_TIMESTAMP not null, "updatedAt" timestamp(3) default CURRENT_TIMESTAMP not null);
create index "session_userId_idx" on "session" ("userId");
create index "account_userId_idx" on "account" ("userId");
create index "verification_identifier_idx" on "verification" ("identifier");
