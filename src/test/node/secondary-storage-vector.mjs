// Records what Better Auth 1.7.25 itself writes to its secondary storage, so the Java SecondaryStorageSessionStore
// can be compared against it (src/test/resources/vectors/secondary-storage-better-auth-1.7.25.json).
//
//   cd src/test/node && npm ci && \
//     node secondary-storage-vector.mjs > ../resources/vectors/secondary-storage-better-auth-1.7.25.json
//
// Better Auth runs with its memory adapter as the database and a secondaryStorage backed by a Map that logs every
// call (operation, key, value, ttl) in order. Scenarios, secondary storage only: sign-up, update-user (the cached
// user is refreshed in every session), a second device, its sign-out (the list is pruned), a third device, then
// revoke-sessions (revoked-sessions-before-<userId>, every token and the emptied list deleted); then
// storeSessionInDatabase (the cached session as the database adapter returns it) and preserveSessionInDatabase
// (the row kept after sign-out with expiresAt = updatedAt = now). Date is pinned to 2030-01-01T10:20:30.456Z (and
// moved by the script), so only the random ids and tokens change when it is regenerated; the Java test
// (BetterAuthSecondaryStorageVectorTest) reads them from the file. Needs no Redis and no database.

import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";

const NOW = Date.parse("2030-01-01T10:20:30.456Z");
const RealDate = Date;
let clock = NOW;
class FixedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(clock);
    else super(...args);
  }
  static now() {
    return clock;
  }
}
globalThis.Date = FixedDate;

function recordingStorage(log) {
  const map = new Map();
  return {
    map,
    storage: {
      async get(key) {
        const value = map.has(key) ? map.get(key) : null;
        log.push({ op: "get", key, found: value !== null });
        return value;
      },
      async set(key, value, ttl) {
        map.set(key, value);
        log.push({ op: "set", key, value, ttl: ttl ?? null });
      },
      async delete(key) {
        map.delete(key);
        log.push({ op: "delete", key });
      },
    },
  };
}

function newAuth(storage, session = {}, db = { user: [], session: [], account: [], verification: [] }) {
  return betterAuth({
    secret: "better-auth-secret-that-is-long-enough-for-validation-test",
    baseURL: "http://localhost:3000",
    database: memoryAdapter(db),
    secondaryStorage: storage,
    emailAndPassword: { enabled: true },
    session,
    logger: { disabled: true },
  });
}

function cookieHeader(headers) {
  const setCookie = headers.getSetCookie ? headers.getSetCookie() : [headers.get("set-cookie")];
  return setCookie.map((c) => c.split(";")[0]).join("; ");
}

async function signUp(auth, email) {
  const res = await auth.api.signUpEmail({
    body: { name: "Test User", email, password: "password1234" },
    headers: new Headers({ "user-agent": "vector-agent", "x-forwarded-for": "203.0.113.7" }),
    returnHeaders: true,
  });
  return { body: res.response, cookie: cookieHeader(res.headers) };
}

async function signIn(auth, email) {
  const res = await auth.api.signInEmail({
    body: { email, password: "password1234" },
    headers: new Headers({ "user-agent": "vector-agent-2" }),
    returnHeaders: true,
  });
  return { body: res.response, cookie: cookieHeader(res.headers) };
}

const out = { generator: "src/test/node/secondary-storage-vector.mjs", betterAuth: "1.7.25", now: NOW };

// 1. secondary storage only: sign-up, update-user, second device, sign-out, revoke-sessions.
{
  const log = [];
  const { storage, map } = recordingStorage(log);
  const auth = newAuth(storage);
  const a = await signUp(auth, "vector@example.com");
  out.signUp = { userId: a.body.user.id, token: a.body.token, calls: log.splice(0) };
  out.signUp.storedToken = map.get(a.body.token);
  out.signUp.storedList = map.get(`active-sessions-${a.body.user.id}`);

  clock = NOW + 60_000;
  await auth.api.updateUser({ body: { name: "Renamed" }, headers: new Headers({ cookie: a.cookie }) });
  out.updateUser = { calls: log.splice(0).filter((c) => c.op !== "get"), storedToken: map.get(a.body.token) };

  clock = NOW + 120_000;
  const b = await signIn(auth, "vector@example.com");
  out.secondDevice = { token: b.body.token, calls: log.splice(0).filter((c) => c.op !== "get") };

  clock = NOW + 180_000;
  await auth.api.signOut({ headers: new Headers({ cookie: b.cookie }) });
  out.signOut = { calls: log.splice(0).filter((c) => c.op !== "get") };

  clock = NOW + 240_000;
  const c = await signIn(auth, "vector@example.com");
  out.thirdDevice = { token: c.body.token, calls: log.splice(0).filter((c) => c.op !== "get") };
  clock = NOW + 300_000;
  await auth.api.revokeSessions({ headers: new Headers({ cookie: c.cookie }) });
  out.revokeSessions = {
    revokedAt: clock,
    calls: log.splice(0).filter((c) => c.op !== "get"),
    remainingKeys: [...map.keys()].sort(),
  };
}

// 2. storeSessionInDatabase: the cached session is the row the database adapter returned.
{
  clock = NOW;
  const log = [];
  const { storage, map } = recordingStorage(log);
  const auth = newAuth(storage, { storeSessionInDatabase: true });
  const a = await signUp(auth, "vector-db@example.com");
  out.storeSessionInDatabase = {
    token: a.body.token,
    calls: log.splice(0).filter((c) => c.op !== "get"),
    storedToken: map.get(a.body.token),
  };
}

// 3. storeSessionInDatabase + preserveSessionInDatabase: sign-out deletes the key and keeps the row, ended now.
{
  clock = NOW;
  const log = [];
  const { storage, map } = recordingStorage(log);
  const db = { user: [], session: [], account: [], verification: [] };
  const auth = newAuth(storage, { storeSessionInDatabase: true, preserveSessionInDatabase: true }, db);
  const a = await signUp(auth, "vector-preserve@example.com");
  log.splice(0);
  clock = NOW + 60_000;
  await auth.api.signOut({ headers: new Headers({ cookie: a.cookie }) });
  const row = db.session.find((s) => s.token === a.body.token);
  out.preserveSessionInDatabase = {
    token: a.body.token,
    signedOutAt: clock,
    calls: log.splice(0).filter((c) => c.op !== "get"),
    remainingKeys: [...map.keys()].sort(),
    row: JSON.parse(JSON.stringify(row)),
  };
}

globalThis.Date = RealDate;
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
