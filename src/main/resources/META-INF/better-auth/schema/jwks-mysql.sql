-- The jwt plugin's key table, as Better Auth 1.7.25's migration creates it on MySQL/MariaDB
-- (docs/design/plugins-probe/migrate.out). Created only when the plugin is on.
create table `jwks` (`id` varchar(36) not null primary key, `publicKey` text not null, `privateKey` text not null, `createdAt` timestamp(3) not null, `expiresAt` timestamp(3), `alg` text, `crv` text);
