-- The jwt plugin's key table, as Better Auth 1.7.25's migration creates it on PostgreSQL
-- (docs/design/plugins-probe/migrate.out). Created only when the plugin is on.
create table "jwks" ("id" text not null primary key, "publicKey" text not null, "privateKey" text not null, "createdAt" timestamptz not null, "expiresAt" timestamptz, "alg" text, "crv" text);
