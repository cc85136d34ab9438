// A real Node Better Auth 1.7.25 server beside the Java one, for NodeServerInteropIT: same secret, same PostgreSQL
// database, same Redis. Two modes:
//
//   node node-server.mjs migrate <postgres-url> [<models-json> [<plugin-ids>]]
//       Runs Better Auth's own migration (getMigrations from better-auth/db/migration, core tables: user, session,
//       account, verification) into that database, prints the SQL it ran, and exits. <models-json> renames tables
//       and columns as Better Auth's options do: {"user":{"modelName":"app_user","fields":{"email":"mail"}}, …};
//       <plugin-ids> (comma-separated, e.g. "jwt") adds those plugins' tables.
//
//   node node-server.mjs serve <postgres-url> <redis-url> <instances-json>
//       Starts one betterAuth() per instance, each on its own loopback port (chosen by the OS), served with
//       node:http and toNodeHandler. <instances-json> is [{"name":…, "strategy":"off|compact|jwt|jwe",
//       "storage":"none|secondary|secondary+database", "deleteUser":true|false, "useSecureCookies":true|false, "models":<as for migrate>,
//       "plugins":["bearer"|"multi-session"|"jwt"|"admin"|{"id":…,"options":{…}}, …],
//       "options":<a Better Auth options fragment>}, …].
//       "options" (JSON, e.g. a profile of differential/profiles.json) is merged last, member by member into the
//       options above; its "plugins" is a list of plugin ids like the instance's own. <redis-url> may be "none"
//       when no instance uses secondary storage (the differential harness needs no Redis).
//       Prints one line `READY {"<name>":<port>, …}` when every instance listens. The secret is
//       BETTER_AUTH_SECRET. Each instance's baseURL is its own http://127.0.0.1:<port>, so the origin check runs as
//       in production (the caller sends that Origin).
//
// The process stops by itself: when its standard input closes (the Java test, its parent, ended or died) and in any
// case after NODE_SERVER_MAX_SECONDS (default 600).
//
// Secondary storage is Better Auth's documented get/set/delete over Redis, spoken in RESP by the shared client in
// resp.mjs (GET, SET … EX, DEL, SELECT), so no Redis client package is needed.

import http from "node:http";
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { toNodeHandler } from "better-auth/node";
import { admin, bearer, jwt, multiSession } from "better-auth/plugins";
import pg from "pg";
import { Redis } from "./resp.mjs";

const [mode, postgresUrl, redisUrl, instancesJson] = process.argv.slice(2);
const migrateModels = mode === "migrate" ? process.argv[4] : undefined;
/** migrate's optional third argument: plugin ids whose tables the migration creates too (e.g. "jwt": jwks). */
const migratePlugins = mode === "migrate" && process.argv[5] ? process.argv[5].split(",") : [];

/** Better Auth's modelName/fields options of user, session, account and verification, merged into `base`. */
function withModels(base, models) {
  const merged = { ...base };
  for (const [model, names] of Object.entries(models || {})) {
    merged[model] = { ...(merged[model] || {}), ...names };
  }
  return merged;
}
const secret = process.env.BETTER_AUTH_SECRET;
if (!secret) {
  console.error("node-server: BETTER_AUTH_SECRET is required");
  process.exit(2);
}

/** Better Auth's secondaryStorage over Redis, as its docs write it (a TTL in seconds when one is given). */
function redisStorage(redis) {
  return {
    get: (key) => redis.command("GET", key),
    set: async (key, value, ttl) => {
      if (ttl) await redis.command("SET", key, value, "EX", String(ttl));
      else await redis.command("SET", key, value);
    },
    delete: async (key) => {
      await redis.command("DEL", key);
    },
  };
}

/** `fragment` merged into `base`: plain objects member by member, anything else (arrays too) replaced. */
function merged(base, fragment) {
  const out = { ...base };
  for (const [key, value] of Object.entries(fragment || {})) {
    const plainObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
    out[key] = plainObject(value) && plainObject(out[key]) ? merged(out[key], value) : value;
  }
  return out;
}

function options(instance, pool, storage, baseURL) {
  const session = {};
  if (instance.strategy && instance.strategy !== "off") {
    session.cookieCache = { enabled: true, strategy: instance.strategy, maxAge: 300 };
  }
  if (instance.storage === "secondary+database") {
    session.storeSessionInDatabase = true;
  }
  return withModels({
    secret,
    baseURL,
    database: pool,
    emailAndPassword: { enabled: true },
    session,
    ...(instance.storage && instance.storage !== "none" ? { secondaryStorage: storage } : {}),
    ...(instance.deleteUser ? { user: { deleteUser: { enabled: true } } } : {}),
    ...(instance.useSecureCookies ? { advanced: { useSecureCookies: true } } : {}),
    ...(instance.plugins ? { plugins: instance.plugins.map(plugin) } : {}),
    telemetry: { enabled: false },
    logger: { level: "warn" },
  }, instance.models);
}

/** The options of an instance with its "options" fragment (see the header) merged in. */
function instanceOptions(instance, pool, storage, baseURL) {
  const base = options(instance, pool, storage, baseURL);
  if (!instance.options) return base;
  const fragment = { ...instance.options };
  if (fragment.plugins) fragment.plugins = fragment.plugins.map(plugin);
  if (fragment.baseURL && fragment.baseURL !== baseURL) {
    // Another server's base URL (the session-cache JWT's iss is the base URL's origin, so two servers that share
    // caches share it): the origin this instance is called on stays trusted.
    fragment.trustedOrigins = [...(fragment.trustedOrigins || []), baseURL];
  }
  return merged(base, fragment);
}

/**
 * A Better Auth plugin by its id, with its default options (as better-auth.plugins switches ours on), or by
 * {"id", "options"} with those options (as better-auth.plugins.<id>.* set ours).
 */
function plugin(entry) {
  const { id, options } = typeof entry === "string" ? { id: entry } : entry;
  switch (id) {
    case "admin": return admin(options);
    case "bearer": return bearer(options);
    case "multi-session": return multiSession(options);
    case "jwt": return jwt(options);
    default: throw new Error(`node-server: unknown plugin ${id}`);
  }
}

async function migrate() {
  const pool = new pg.Pool({ connectionString: postgresUrl, max: 2 });
  try {
    const { toBeCreated, toBeAdded, compileMigrations, runMigrations } = await getMigrations(withModels({
      secret,
      baseURL: "http://127.0.0.1:3000",
      database: pool,
      emailAndPassword: { enabled: true },
      plugins: migratePlugins.map(plugin),
      telemetry: { enabled: false },
    }, migrateModels ? JSON.parse(migrateModels) : undefined));
    const sql = await compileMigrations();
    await runMigrations();
    console.log(`-- Better Auth migration: ${toBeCreated.map((t) => t.table).join(", ")} created`
      + (toBeAdded.length ? `, ${toBeAdded.map((t) => t.table).join(", ")} altered` : ""));
    console.log(sql);
    console.log("MIGRATED");
  } finally {
    await pool.end();
  }
}

async function serve() {
  const instances = JSON.parse(instancesJson);
  const pool = new pg.Pool({ connectionString: postgresUrl, max: 10 });
  const redis = redisUrl === "none" ? null : await Redis.open(redisUrl);
  const storage = redis ? redisStorage(redis) : undefined;
  const servers = [];
  const ports = {};
  for (const instance of instances) {
    let handler = null;
    const server = http.createServer((req, res) => {
      if (!handler) {
        res.statusCode = 503;
        res.end();
        return;
      }
      handler(req, res).catch((e) => {
        console.error(`node-server[${instance.name}]: ${e?.stack || e}`);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    });
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", resolve);
    });
    const port = server.address().port;
    if (!storage && instance.storage && instance.storage !== "none") {
      throw new Error(`node-server: instance ${instance.name} needs Redis (storage ${instance.storage}), given "none"`);
    }
    const auth = betterAuth(instanceOptions(instance, pool, storage, `http://127.0.0.1:${port}`));
    handler = toNodeHandler(auth);
    servers.push(server);
    ports[instance.name] = port;
  }
  const stop = (code) => {
    for (const s of servers) s.close();
    redis?.close();
    pool.end().catch(() => {});
    setTimeout(() => process.exit(code), 200).unref();
  };
  process.stdin.on("end", () => stop(0));
  process.stdin.on("error", () => stop(0));
  process.stdin.resume();
  process.on("SIGTERM", () => stop(0));
  const maxSeconds = Number(process.env.NODE_SERVER_MAX_SECONDS || 600);
  setTimeout(() => {
    console.error(`node-server: stopping after ${maxSeconds} s`);
    stop(1);
  }, maxSeconds * 1000).unref();
  console.log(`READY ${JSON.stringify(ports)}`);
}

try {
  if (mode === "migrate") await migrate();
  else if (mode === "serve") await serve();
  else {
    console.error("usage: node node-server.mjs migrate <postgres-url> | serve <postgres-url> <redis-url> <instances-json>");
    process.exit(2);
  }
} catch (e) {
  console.error(`node-server: ${e?.stack || e}`);
  process.exit(1);
}
