// Better Auth 1.7.25 on Node: the reference server bench/run measures the Java library against.
//
//   node server.mjs migrate        creates Better Auth's tables in BENCH_DATABASE_URL (its own migration) and exits
//   node server.mjs                serves /api/auth on 127.0.0.1:$BENCH_NODE_PORT until killed
//
// Environment (set by bench/run): BENCH_DATABASE_URL (postgres://...), BENCH_NODE_PORT, BETTER_AUTH_SECRET,
// BENCH_REDIS_URL (optional: secondaryStorage on Redis), BENCH_COOKIE_CACHE (optional: compact | jwt | jwe).
// The options mirror the Java demo's: email and password, the same secret, the same cookie names, no rate limit.
import http from "node:http";
import { betterAuth } from "better-auth";
import { toNodeHandler } from "better-auth/node";
import { getMigrations } from "better-auth/db/migration";
import pg from "pg";

const port = Number(process.env.BENCH_NODE_PORT || 3000);
const baseURL = `http://127.0.0.1:${port}`;
const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 20 });

let secondaryStorage;
if (process.env.BENCH_REDIS_URL) {
  const { default: Redis } = await import("ioredis");
  const redis = new Redis(process.env.BENCH_REDIS_URL);
  secondaryStorage = {
    get: (key) => redis.get(key),
    set: (key, value, ttl) => (ttl ? redis.set(key, value, "EX", ttl) : redis.set(key, value)),
    delete: (key) => redis.del(key).then(() => undefined),
  };
}

const strategy = process.env.BENCH_COOKIE_CACHE;
const options = {
  baseURL,
  secret: process.env.BETTER_AUTH_SECRET,
  database: pool,
  emailAndPassword: { enabled: true },
  rateLimit: { enabled: false },
  // Better Auth reads at most 100 rows per findMany by default, so list-sessions would stop at 100 sessions;
  // the Java library lists them all, and the bench compares the same work.
  advanced: { database: { defaultFindManyLimit: 1_000_000 } },
  // An hour, not the default 5 minutes: the Java warm-up alone can take 7 minutes, and a cache that expired
  // mid-run measures the database (bench/run sets the same on the Java side; the work per request is the same).
  session: strategy ? { cookieCache: { enabled: true, maxAge: 3600, strategy } } : {},
  ...(secondaryStorage ? { secondaryStorage } : {}),
  telemetry: { enabled: false },
  logger: { level: "error" },
};

if (process.argv[2] === "migrate") {
  const { runMigrations } = await getMigrations(options);
  await runMigrations();
  await pool.end();
  process.exit(0);
}

const auth = betterAuth(options);
const handler = toNodeHandler(auth);
const server = http.createServer(handler);
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => console.log(`better-auth ${baseURL}`));
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => process.exit(0));
}
