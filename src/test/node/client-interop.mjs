// Drives the Java server with the official Better Auth 1.7.25 client (better-auth/client) and checks the cookies
// it gets with the real library's code: better-call 1.4.5's signer for session_token/dont_remember, and Better Auth's
// own getCookieCache for the session_data cache.
//
//   node client-interop.mjs <base URL of the deployment, e.g. http://127.0.0.1:8080/client>
//   env BETTER_AUTH_SECRET = the server's better-auth.secret
//       CACHE_STRATEGY     = off (default) | compact | jwt | jwe: the server's cookie cache
//                            (better-auth.session.cookie-cache.enabled/strategy, max-age 300 s)
//       STORAGE            = database (default) | redis: the server keeps sessions in Redis (secondary storage, and
//                            in the database: store-session-in-database)
//       REDIS_URL          = the server's Redis with STORAGE=redis (default redis://127.0.0.1:6379/12); the script
//                            reads session keys there, and deletes the keys of the users and tokens it created
//       DELETE_USER        = off (default) | on: the server's better-auth.user.delete-user.enabled
//       PROFILE            = standard (default) | hardened: the server runs this library's options beyond Better Auth
//                            (hash-tokens, absolute-expires-in=864000, use-host-prefix with secure cookies,
//                            clear-site-data, rate limits, delete-user, and Better Auth's defer-session-refresh);
//                            the script then runs the hardened checks only (cookie cache off, database storage)
//                            | bearer: the server runs Better Auth's bearer plugin (better-auth.plugins=bearer); the
//                            script then runs the bearer checks only, with clients that keep no cookies (cookie
//                            cache off, database storage)
//                            | multi-session: the server runs Better Auth's multi-session plugin; the script then runs
//                            the multi-session checks only, with the client's multiSessionClient() (cookie cache off,
//                            database storage)
//                            | admin: the server runs Better Auth's admin plugin; the script then runs the admin
//                            checks only, with adminClient() (cookie cache off, database storage); it makes its admin
//                            through the test WAR's POST <base>/test/promote (a role written to the user table)
//                            | jwt: the server runs Better Auth's jwt plugin (base URL http://localhost:8080); the script
//                            then runs the jwt checks only, with jwtClient() and jose as a resource server uses it
//
// With a cookie cache, a revoked session stays readable from its session_data cookie until its max-age (Better
// Auth's documented revocation window), so every "this device is gone" check reads the store, as Better Auth users
// do: getSession({ query: { disableCookieCache: true } }), and checks that the server cleared the cache cookie.
//
// Every check is named and numbered ("ok N - name"); a run stops at its first failed check (the later ones build on
// it) and ends with "client-interop: N checks passed, M failed". Exits 0 when every check passes, otherwise 1.

import assert from "node:assert/strict";
import { createAuthClient } from "better-auth/client";
import { adminClient, jwtClient, multiSessionClient } from "better-auth/client/plugins";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { getCookieCache } from "better-auth/cookies";
import { createHash } from "node:crypto";
import { createInternalContext, serializeCookie, serializeSignedCookie } from "better-call";
import { Redis } from "./resp.mjs";

const base = (process.argv[2] || process.env.BETTER_AUTH_BASE_URL || "").replace(/\/+$/, "");
const secret = process.env.BETTER_AUTH_SECRET || process.argv[3];
const STRATEGY = process.env.CACHE_STRATEGY || "off";
const STORAGE = process.env.STORAGE || "database";
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379/12";
const DELETE_USER = process.env.DELETE_USER || "off";
const PROFILE = process.env.PROFILE || "standard";
/** PROFILE=jwt against a server with the jwt plugin's session-cookie-cache (Better Auth 1.7's session-cache JWT). */
const SESSION_CACHE_JWT = process.env.SESSION_CACHE_JWT === "on";
if (!base || !secret || !["off", "compact", "jwt", "jwe"].includes(STRATEGY) || !["database", "redis"].includes(STORAGE)
    || !["on", "off"].includes(DELETE_USER) || !["standard", "hardened", "bearer", "multi-session", "jwt", "admin"].includes(PROFILE)
    || (PROFILE === "hardened" && (STRATEGY !== "off" || STORAGE !== "database" || DELETE_USER !== "on"))
    || (["bearer", "multi-session", "jwt", "admin"].includes(PROFILE) && (STRATEGY !== "off" || STORAGE !== "database"))) {
  console.error("usage: BETTER_AUTH_SECRET=... [CACHE_STRATEGY=off|compact|jwt|jwe] [STORAGE=database|redis] [DELETE_USER=off|on] "
    + "[PROFILE=standard|hardened (with CACHE_STRATEGY=off, STORAGE=database, DELETE_USER=on)|bearer|multi-session|jwt|admin (with "
    + "CACHE_STRATEGY=off, STORAGE=database)] node client-interop.mjs <base URL>");
  process.exit(2);
}
/** The hardened deployment: hash-tokens, absolute-expires-in, __Host- cookies, Clear-Site-Data, rate limits, deferred refresh. */
const HARDENED = PROFILE === "hardened";
/** The server has a cookie cache: session_data cookies are issued with sessions. */
const CACHE = STRATEGY !== "off";
const REDIS = STORAGE === "redis";
// The client appends /api/auth only to a bare origin; a URL with a path (our WAR's context root) is taken as the
// auth base as it is, so the context root gets /api/auth here.
const authBase = new URL(base).pathname.replace(/\/+$/, "") === "" ? base : `${base}/api/auth`;
const origin = new URL(base).origin;
/** Every e-mail address of this run has it, so nothing collides with other runs on the same database or Redis. */
const RUN = `${Date.now()}-${process.pid}`;

/** use-host-prefix (hardened): secure cookies without a Domain are named __Host-…, never __Secure-… or plain. */
const COOKIE_PREFIX = HARDENED ? "__Host-" : "";
const SESSION_TOKEN = `${COOKIE_PREFIX}better-auth.session_token`;
const SESSION_DATA = `${COOKIE_PREFIX}better-auth.session_data`;
const DONT_REMEMBER = `${COOKIE_PREFIX}better-auth.dont_remember`;
const REQUEST_TIMEOUT_MS = 30_000;

let checks = 0;
let step = "start";
/** Every session token and user id this run was given (for the Redis clean-up). */
const issuedTokens = new Set();
const seenUsers = new Set();

/** One named check: counts it, and names it if it fails. */
async function check(name, fn) {
  step = name;
  await fn();
  checks++;
  console.log(`ok ${checks} - ${name}`);
}

/**
 * A browser's cookie store for one device, enough for host-only cookies on one origin: it keeps each cookie's wire
 * value exactly as the server sent it, forgets a cookie on Max-Age <= 0, and sends `name=value; ...` back.
 */
class CookieJar {
  constructor(name) {
    this.name = name;
    this.cookies = new Map();
    this.history = [];
  }

  /** The Set-Cookie lines of the latest answer from this path (e.g. "/sign-in/email"). */
  setCookiesFrom(path) {
    const hit = this.history.findLast((h) => h.path.endsWith(path));
    return hit ? hit.setCookies : undefined;
  }

  /** The latest exchange with this path (and method, when given): {method, path, status, setCookies, headers}. */
  last(path, method) {
    return this.history.findLast((h) => h.path.endsWith(path) && (method === undefined || h.method === method));
  }

  /** Whether the jar holds this cookie or any chunk of it (`name.0`, `name.1`, …). */
  hasAny(name) {
    return [...this.cookies.keys()].some((k) => k === name || k.startsWith(`${name}.`));
  }

  store(setCookieLines) {
    for (const line of setCookieLines) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const maxAge = attributes.map((a) => a.trim()).find((a) => /^max-age=/i.test(a));
      if (maxAge !== undefined && Number.parseInt(maxAge.split("=")[1], 10) <= 0) {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
        if (name === SESSION_TOKEN) {
          const signed = decodeURIComponent(value);
          issuedTokens.add(signed.slice(0, signed.lastIndexOf(".")));
        }
      }
    }
  }

  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  has(name) {
    return this.cookies.has(name);
  }

  get(name) {
    return this.cookies.get(name);
  }

  /** A fetch that sends this jar's cookies (and, on POST, the page's Origin, as a browser would) and keeps Set-Cookie. */
  fetch = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    const cookie = this.header();
    if (cookie) headers.set("cookie", cookie);
    else headers.delete("cookie");
    const method = (init.method || "GET").toUpperCase();
    if (method !== "GET" && method !== "HEAD" && !headers.has("origin")) headers.set("origin", origin);
    const response = await fetch(input, {
      ...init,
      headers,
      redirect: "manual",
      signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const setCookies = response.headers.getSetCookie();
    const path = new URL(String(input)).pathname;
    this.history.push({ method, path, status: response.status, setCookies, headers: response.headers });
    this.store(setCookies);
    if (response.ok && /\/(sign-up|sign-in)\/email$/.test(path)) {
      const body = await response.clone().json().catch(() => null);
      if (body?.user?.id) seenUsers.add(body.user.id);
    }
    return response;
  };
}

function device(name) {
  const jar = new CookieJar(name);
  const client = createAuthClient({ baseURL: authBase, fetchOptions: { customFetchImpl: jar.fetch } });
  return { jar, client };
}

/** better-call's own reader, exactly as better-auth calls it: the token, `false` (bad signature) or `null`. */
async function realGetSignedCookie(cookieHeader, name) {
  const ctx = await createInternalContext({ headers: new Headers({ cookie: cookieHeader }) }, { options: {}, path: "/interop" });
  return ctx.getSignedCookie(name, secret);
}

/** A plain GET /get-session with exactly this Cookie header. */
async function rawGetSession(cookieHeader) {
  const response = await fetch(`${authBase}/get-session`, {
    headers: { cookie: cookieHeader },
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: response.status, body: await response.text(), setCookies: response.headers.getSetCookie() };
}

function randomToken() {
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => alphabet[b % alphabet.length]).join("");
}

const signedCookieOptions = { path: "/", httpOnly: true, sameSite: "lax" };
/** The attributes of every cookie the server sets: Secure too on the hardened deployment (use-secure-cookies). */
const cookieOptions = HARDENED ? { ...signedCookieOptions, secure: true } : signedCookieOptions;
/** better-auth.session.cookie-cache.max-age, Better Auth's default. */
const CACHE_MAX_AGE = 300;

/** getSession as Better Auth users check that a session is gone: a store read, past any cookie cache. */
function storeSession(dev) {
  return dev.client.getSession({ query: { disableCookieCache: true } });
}

/** Asserts that this device is signed out for good: a store read answers null and its jar holds no session cookies. */
async function assertGone(dev, what) {
  const { data, error } = await storeSession(dev);
  assert.equal(error, null, `${what}: get-session?disableCookieCache=true failed: ${JSON.stringify(error)}`);
  assert.equal(data, null, `${what}: the store no longer has the session`);
  assert.equal(dev.jar.has(SESSION_TOKEN), false, `${what}: ${dev.jar.name}'s jar: ${dev.jar.header()}`);
  assert.equal(dev.jar.has(SESSION_DATA), false, `${what}: the server cleared the cache cookie: ${dev.jar.header()}`);
}

/**
 * A device whose session was revoked elsewhere, asked the way a browser asks (plain getSession, no query): without a
 * cookie cache the server reads the store and answers null; with one, Better Auth's documented revocation window
 * applies: the device's own session_data still answers, with the revoked session, until its max-age.
 */
async function assertPlainGetSessionAfterRevocation(dev, token) {
  if (CACHE) assert.ok(dev.jar.has(SESSION_DATA), `${dev.jar.name}'s jar still holds its cache: ${dev.jar.header()}`);
  const { data, error } = await dev.client.getSession();
  assert.equal(error, null);
  if (CACHE) assert.equal(data?.session?.token, token, `${dev.jar.name}'s session_data still answers (revocation window)`);
  else assert.equal(data, null, `${dev.jar.name}'s session is gone`);
}

/** The wire value of this cookie in these Set-Cookie lines (the last one), or undefined. */
function setCookieValue(lines, name) {
  const line = (lines || []).findLast((l) => l.startsWith(`${name}=`));
  return line === undefined ? undefined : line.slice(name.length + 1).split(";")[0];
}

/**
 * The Set-Cookie lines Better Auth sends on a sign-in or sign-up (setSessionCookie): the signed token (Max-Age the
 * session's 7 days, none without rememberMe), dont_remember without rememberMe, then the cache when it is on (Max-Age
 * the cache's, none without rememberMe). The cache's value is taken from the answer; its content is checked apart.
 */
async function expectedSessionCookies(dev, path, token, rememberMe = true) {
  const lines = [await serializeSignedCookie(SESSION_TOKEN, token, secret,
    rememberMe ? { ...signedCookieOptions, maxAge: 604800 } : signedCookieOptions)];
  if (!rememberMe) lines.push(await serializeSignedCookie(DONT_REMEMBER, "true", secret, signedCookieOptions));
  if (CACHE) {
    const value = setCookieValue(dev.jar.setCookiesFrom(path), SESSION_DATA);
    assert.ok(value, `a ${SESSION_DATA} cookie on ${path}: ${JSON.stringify(dev.jar.setCookiesFrom(path))}`);
    lines.push(serializeCookie(SESSION_DATA, decodeURIComponent(value),
      rememberMe ? { ...signedCookieOptions, maxAge: CACHE_MAX_AGE } : signedCookieOptions));
  }
  return lines;
}

function base64UrlJson(part) {
  return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
}

/**
 * With a cookie cache: the device's jar holds session_data for this session, shaped as the strategy writes it, and
 * Better Auth's own getCookieCache (the helper Better Auth users call in middleware) accepts it with the shared
 * secret, and only with it. Returns what getCookieCache read.
 */
async function assertCacheCookie(dev, { token, email, rememberMe = true }) {
  const wire = dev.jar.get(SESSION_DATA);
  assert.ok(wire, `${dev.jar.name}'s jar holds ${SESSION_DATA}: ${dev.jar.header()}`);
  const value = decodeURIComponent(wire);
  const now = Date.now();
  if (STRATEGY === "compact") {
    // base64url(JSON {session: {session, user, updatedAt, version}, expiresAt, signature}), HMAC-SHA256 signed
    assert.match(value, /^[A-Za-z0-9_-]+$/, `unpadded base64url: ${value}`);
    const outer = base64UrlJson(value);
    assert.deepEqual(Object.keys(outer), ["session", "expiresAt", "signature"]);
    assert.deepEqual(Object.keys(outer.session), ["session", "user", "updatedAt", "version"]);
    assert.equal(outer.session.session.token, token);
    assert.equal(outer.session.version, "1");
    assert.equal(typeof outer.expiresAt, "number");
    // setCookieCache: the cookie's max-age, or 60 s for a browser-session (rememberMe:false) cookie
    const lifetime = rememberMe ? CACHE_MAX_AGE : 60;
    const ahead = outer.expiresAt - now;
    assert.ok(ahead > (lifetime - 60) * 1000 && ahead <= lifetime * 1000 + 5000, `expiresAt ${lifetime} s ahead: ${ahead} ms`);
    assert.match(outer.signature, /^[A-Za-z0-9_-]{43}$/);
  } else if (STRATEGY === "jwt") {
    const parts = value.split(".");
    assert.equal(parts.length, 3, `a JWS: ${value}`);
    assert.deepEqual(base64UrlJson(parts[0]), { alg: "HS256" });
    const claims = base64UrlJson(parts[1]);
    assert.equal(claims.session.token, token);
    assert.equal(claims.exp - claims.iat, CACHE_MAX_AGE);
    assert.ok(Math.abs(claims.iat * 1000 - now) < 120_000, `iat is now: ${claims.iat}`);
  } else {
    const parts = value.split(".");
    assert.equal(parts.length, 5, `a JWE: ${value}`);
    const header = base64UrlJson(parts[0]);
    assert.equal(header.alg, "dir");
    assert.equal(header.enc, "A256CBC-HS512");
    assert.equal(parts[1], "", "dir: no encrypted key");
    assert.ok(!Buffer.from(parts[3], "base64url").toString("latin1").includes(token), "the token is encrypted");
  }
  const cookie = new Headers({ cookie: `${SESSION_DATA}=${wire}` });
  const payload = await getCookieCache(cookie, { secret, strategy: STRATEGY, isSecure: false });
  assert.ok(payload, `Better Auth's getCookieCache (${STRATEGY}) accepts ${dev.jar.name}'s ${SESSION_DATA}`);
  assert.equal(payload.session.token, token);
  assert.equal(payload.user.email, email.toLowerCase());
  assert.equal(payload.session.userId, payload.user.id);
  assert.equal(await getCookieCache(cookie, { secret: `${secret}-other`, strategy: STRATEGY, isSecure: false }), null,
    "another secret must not read it (the helper really checks)");
  return payload;
}

/** With STORAGE=redis: the value of the session's Redis key (null when none), as Better Auth stores it. */
let redis;
async function redisSession(token) {
  const raw = await redis.command("GET", token);
  return raw === null ? null : JSON.parse(raw);
}

/** With STORAGE=redis: the token's key holds {session, user} for this session and user, with a TTL. */
async function assertRedisSession(token, email) {
  const stored = await redisSession(token);
  assert.ok(stored, `Redis key ${token.slice(0, 4)}… in ${REDIS_URL}`);
  assert.deepEqual(Object.keys(stored), ["session", "user"]);
  assert.equal(stored.session.token, token);
  assert.equal(stored.user.email, email.toLowerCase());
  assert.equal(stored.session.userId, stored.user.id);
  const ttl = await redis.command("TTL", token);
  const left = (Date.parse(stored.session.expiresAt) - Date.now()) / 1000;
  assert.ok(ttl > 0 && Math.abs(ttl - left) < 120, `TTL ${ttl} s follows expiresAt (${left} s)`);
  return stored;
}

/** Deletes the Redis keys of the tokens and users this run created (and nothing else). */
async function cleanRedis() {
  const keys = new Set();
  for (const token of issuedTokens) {
    const stored = await redisSession(token).catch(() => null);
    if (stored?.user?.id) seenUsers.add(stored.user.id);
    keys.add(token);
  }
  for (const id of seenUsers) {
    keys.add(`active-sessions-${id}`);
    keys.add(`revoked-sessions-before-${id}`);
  }
  let deleted = 0;
  for (const key of keys) deleted += await redis.command("DEL", key);
  console.log(`client-interop: deleted ${deleted} Redis keys of this run (${issuedTokens.size} tokens, ${seenUsers.size} users)`);
}

async function main() {
  console.log(`client-interop: better-auth client against ${authBase} (cookie cache ${STRATEGY}, sessions in ${STORAGE})`);
  const email = `Interop-${RUN}@Example.com`;
  const password = "interop-password-123";
  const A = device("A");
  const B = device("B");
  let signUpToken;
  let userId;
  let tokenB;

  // 2. Device A signs up, then reads its session.
  await check("A: signUp.email returns a 32-char token and the lowercased email", async () => {
    const { data, error } = await A.client.signUp.email({ name: "Interop", email, password });
    assert.equal(error, null, `sign-up failed: ${JSON.stringify(error)}`);
    assert.match(data.token, /^[a-zA-Z0-9]{32}$/);
    assert.equal(data.user.email, email.toLowerCase());
    assert.equal(data.user.name, "Interop");
    assert.equal(data.user.emailVerified, false);
    assert.ok(data.user.createdAt instanceof Date, "user.createdAt revived as a Date");
    signUpToken = data.token;
    assert.ok(A.jar.has(SESSION_TOKEN), `A's jar has ${SESSION_TOKEN}: ${A.jar.header()}`);
    assert.equal(A.jar.has(DONT_REMEMBER), false);
    assert.equal(A.jar.has(SESSION_DATA), CACHE, `A's jar has ${SESSION_DATA} iff the cache is on: ${A.jar.header()}`);
  });

  if (CACHE) {
    await check(`A: the sign-up's ${SESSION_DATA} is a ${STRATEGY} cache that Better Auth's getCookieCache reads, equal to the store's session`, async () => {
      const cached = await assertCacheCookie(A, { token: signUpToken, email });
      const { data, error } = await storeSession(A);
      assert.equal(error, null, `get-session?disableCookieCache=true failed: ${JSON.stringify(error)}`);
      // both as JSON: getCookieCache and the client each revive the dates
      const json = (o) => JSON.parse(JSON.stringify(o));
      assert.deepEqual(json(cached.session), json(data.session), "the cached session is the stored one");
      assert.deepEqual(json(cached.user), json(data.user), "the cached user is the stored one");
    });
  }

  if (REDIS) {
    await check("A: the session is in Redis under its token: {session, user} with session.token and user.email", async () => {
      const stored = await assertRedisSession(signUpToken, email);
      const list = JSON.parse(await redis.command("GET", `active-sessions-${stored.user.id}`));
      assert.deepEqual(list.map((e) => e.token), [signUpToken], "active-sessions-<userId> lists it");
      assert.equal(list[0].expiresAt, Date.parse(stored.session.expiresAt));
    });
  }

  await check("A: getSession returns the sign-up session with dates revived", async () => {
    const { data, error } = await A.client.getSession();
    assert.equal(error, null, `get-session failed: ${JSON.stringify(error)}`);
    assert.ok(data, "A has a session");
    assert.equal(data.session.token, signUpToken);
    assert.equal(typeof data.user.id, "string");
    assert.ok(data.user.id.length > 0);
    assert.equal(data.session.userId, data.user.id);
    assert.equal(data.user.email, email.toLowerCase());
    assert.ok(data.session.expiresAt instanceof Date, `expiresAt is a Date, got ${typeof data.session.expiresAt}`);
    const ahead = data.session.expiresAt.getTime() - Date.now();
    assert.ok(ahead > 7 * 86400_000 - 600_000 && ahead <= 7 * 86400_000 + 60_000, `expiresAt about 7 days ahead: ${ahead} ms`);
    assert.ok(data.session.createdAt instanceof Date);
    assert.ok(data.user.createdAt instanceof Date);
    userId = data.user.id;
  });

  // 3. Device B signs in without rememberMe.
  await check("B: signIn.email with rememberMe:false gives a new token and dont_remember", async () => {
    const { data, error } = await B.client.signIn.email({ email, password, rememberMe: false });
    assert.equal(error, null, `sign-in failed: ${JSON.stringify(error)}`);
    assert.match(data.token, /^[a-zA-Z0-9]{32}$/);
    assert.notEqual(data.token, signUpToken);
    assert.equal(data.redirect, false);
    assert.equal(data.user.id, userId);
    tokenB = data.token;
    assert.ok(B.jar.has(SESSION_TOKEN), `B's jar: ${B.jar.header()}`);
    assert.ok(B.jar.has(DONT_REMEMBER), `B's jar has ${DONT_REMEMBER}: ${B.jar.header()}`);
    if (CACHE) await assertCacheCookie(B, { token: tokenB, email, rememberMe: false });
    if (REDIS) await assertRedisSession(tokenB, email);
  });

  await check("B: getSession works and expires about 24 h ahead", async () => {
    const { data, error } = await B.client.getSession();
    assert.equal(error, null, `get-session failed: ${JSON.stringify(error)}`);
    assert.equal(data.session.token, tokenB);
    assert.equal(data.user.id, userId);
    assert.ok(data.session.expiresAt instanceof Date);
    const ahead = data.session.expiresAt.getTime() - Date.now();
    assert.ok(ahead > 23 * 3600_000 && ahead <= 24 * 3600_000 + 60_000, `expiresAt about 24 h ahead: ${ahead} ms`);
  });

  // 4. Errors, as the client reports them.
  await check("wrong password: 401 INVALID_EMAIL_OR_PASSWORD", async () => {
    const C = device("C");
    const { data, error } = await C.client.signIn.email({ email, password: "wrong-password-123" });
    assert.equal(data, null);
    assert.ok(error, "an error");
    assert.equal(error.status, 401);
    assert.equal(error.code, "INVALID_EMAIL_OR_PASSWORD");
    assert.equal(error.message, "Invalid email or password");
    assert.equal(C.jar.header(), "", "no cookies on a failed sign-in");
  });

  await check("duplicate sign-up: 422 USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", async () => {
    const C = device("C");
    const { data, error } = await C.client.signUp.email({ name: "Again", email, password });
    assert.equal(data, null);
    assert.ok(error, "an error");
    assert.equal(error.status, 422);
    assert.equal(error.code, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
    assert.equal(error.message, "User already exists. Use another email.");
    assert.equal(C.jar.header(), "", "no cookies on a failed sign-up");
  });

  // 6. Our cookies, read by the real library (before A signs out, while the cookie is still A's).
  await check("real better-call accepts A's session_token signature and re-signs it identically", async () => {
    const wire = A.jar.get(SESSION_TOKEN);
    assert.ok(wire, "A's jar still has the session token");
    assert.equal(await realGetSignedCookie(`${SESSION_TOKEN}=${wire}`, SESSION_TOKEN), signUpToken);
    // URL-decoded by hand too, as the brief says: `<token>.<base64 sig, 44 chars, padded>`
    const plain = decodeURIComponent(wire);
    assert.match(plain, /^[a-zA-Z0-9]{32}\.[A-Za-z0-9+/]{43}=$/);
    assert.equal(await realGetSignedCookie(`${SESSION_TOKEN}=${plain}`, SESSION_TOKEN), signUpToken);
    const expected = await serializeSignedCookie(SESSION_TOKEN, signUpToken, secret, { ...signedCookieOptions, maxAge: 604800 });
    assert.equal(`${SESSION_TOKEN}=${wire}`, expected.split(";")[0]);
    assert.deepEqual(A.jar.setCookiesFrom("/sign-up/email"), await expectedSessionCookies(A, "/sign-up/email", signUpToken));
    assert.equal(A.jar.setCookiesFrom("/sign-up/email")[0], expected);
    // and the wrong secret must not verify it (the helper really checks)
    const ctx = await createInternalContext({ headers: new Headers({ cookie: `${SESSION_TOKEN}=${wire}` }) }, { options: {}, path: "/x" });
    assert.equal(await ctx.getSignedCookie(SESSION_TOKEN, `${secret}-other`), false);
  });

  await check("real better-call accepts B's cookies and serializes them the same way", async () => {
    assert.equal(await realGetSignedCookie(B.jar.header(), SESSION_TOKEN), tokenB);
    assert.equal(await realGetSignedCookie(B.jar.header(), DONT_REMEMBER), "true");
    // no Max-Age on either: browser-session cookies
    const token = await serializeSignedCookie(SESSION_TOKEN, tokenB, secret, signedCookieOptions);
    const dontRemember = await serializeSignedCookie(DONT_REMEMBER, "true", secret, signedCookieOptions);
    const expected = await expectedSessionCookies(B, "/sign-in/email", tokenB, false);
    assert.deepEqual(expected.slice(0, 2), [token, dontRemember]);
    assert.deepEqual(B.jar.setCookiesFrom("/sign-in/email"), expected);
  });

  await check("the whole Set-Cookie line of a sign-in equals better-call's serializeSignedCookie", async () => {
    const C = device("C");
    const { data, error } = await C.client.signIn.email({ email, password });
    assert.equal(error, null, `sign-in failed: ${JSON.stringify(error)}`);
    const expected = await serializeSignedCookie(SESSION_TOKEN, data.token, secret, { ...signedCookieOptions, maxAge: 604800 });
    assert.deepEqual(C.jar.setCookiesFrom("/sign-in/email"), await expectedSessionCookies(C, "/sign-in/email", data.token));
    assert.equal(C.jar.setCookiesFrom("/sign-in/email")[0], expected);
    if (CACHE) await assertCacheCookie(C, { token: data.token, email });
    const out = await C.client.signOut();
    assert.deepEqual(out.data, { success: true });
    await assertGone(C, "C after sign-out");
  });

  // The reverse: cookies signed by Node, read by our server.
  await check("our server verifies a Node-signed cookie: unknown token -> 200 null with deletions", async () => {
    const line = await serializeSignedCookie(SESSION_TOKEN, randomToken(), secret, { ...signedCookieOptions, maxAge: 604800 });
    const r = await rawGetSession(line.split(";")[0]);
    assert.equal(r.status, 200);
    assert.equal(r.body, "null");
    assert.ok(r.setCookies.some((c) => c.startsWith(`${SESSION_TOKEN}=; Max-Age=0`)),
      `deletion of ${SESSION_TOKEN} expected, got ${JSON.stringify(r.setCookies)}`);
    assert.ok(r.setCookies.some((c) => c.startsWith(`${DONT_REMEMBER}=; Max-Age=0`)),
      `deletion of ${DONT_REMEMBER} expected, got ${JSON.stringify(r.setCookies)}`);
    assert.ok(r.setCookies.some((c) => c.startsWith(`${SESSION_DATA}=; Max-Age=0`)),
      `deletion of ${SESSION_DATA} expected (Better Auth's deleteSessionCookie), got ${JSON.stringify(r.setCookies)}`);
    assert.ok(r.setCookies.includes(`${SESSION_TOKEN}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax`), JSON.stringify(r.setCookies));
  });

  await check("our server: a broken signature -> 200 null and no Set-Cookie", async () => {
    const token = randomToken();
    const line = await serializeSignedCookie(SESSION_TOKEN, token, `${secret}-not-the-server's`, signedCookieOptions);
    const r = await rawGetSession(line.split(";")[0]);
    assert.equal(r.status, 200);
    assert.equal(r.body, "null");
    assert.deepEqual(r.setCookies, []);
    // the real reader agrees that it is a bad signature (false), not a missing cookie (null)
    assert.equal(await realGetSignedCookie(line.split(";")[0], SESSION_TOKEN), false);
  });

  await check("our server accepts a Node-signed cookie for a real session (B's token)", async () => {
    const line = await serializeSignedCookie(SESSION_TOKEN, tokenB, secret, signedCookieOptions);
    const dontRemember = await serializeSignedCookie(DONT_REMEMBER, "true", secret, signedCookieOptions);
    const r = await rawGetSession(`${line.split(";")[0]}; ${dontRemember.split(";")[0]}`);
    assert.equal(r.status, 200);
    const body = JSON.parse(r.body);
    assert.equal(body.session.token, tokenB);
    assert.equal(body.user.id, userId);
    assert.deepEqual(r.setCookies, [], "a don't-remember session is never refreshed");
  });

  // 5. Sign-out on A.
  await check("A: signOut returns {success:true} and clears A's session cookie", async () => {
    assert.equal(A.jar.has(SESSION_DATA), CACHE, `before sign-out: ${A.jar.header()}`);
    const { data, error } = await A.client.signOut();
    assert.equal(error, null, `sign-out failed: ${JSON.stringify(error)}`);
    assert.deepEqual(data, { success: true });
    assert.equal(A.jar.has(SESSION_TOKEN), false, `A's jar after sign-out: ${A.jar.header()}`);
    assert.equal(A.jar.has(SESSION_DATA), false);
    assert.equal(A.jar.has(DONT_REMEMBER), false);
    if (REDIS) assert.equal(await redisSession(signUpToken), null, "sign-out deleted the Redis key");
  });

  await check("A: getSession after sign-out is null", async () => {
    const { data, error } = await A.client.getSession();
    assert.equal(error, null);
    assert.equal(data, null);
    await assertGone(A, "A after sign-out");
  });

  await check("A's old cookie, replayed, is null and cleared (the session row is gone)", async () => {
    const line = await serializeSignedCookie(SESSION_TOKEN, signUpToken, secret, signedCookieOptions);
    const r = await rawGetSession(line.split(";")[0]);
    assert.equal(r.status, 200);
    assert.equal(r.body, "null");
    assert.ok(r.setCookies.includes(`${SESSION_TOKEN}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax`), JSON.stringify(r.setCookies));
  });

  await check("B still has its session", async () => {
    const { data, error } = await B.client.getSession();
    assert.equal(error, null);
    assert.ok(data, "B's session survives A's sign-out");
    assert.equal(data.session.token, tokenB);
    assert.ok(B.jar.has(SESSION_TOKEN));
  });

  await check("B: signOut clears dont_remember too", async () => {
    const { data, error } = await B.client.signOut();
    assert.equal(error, null);
    assert.deepEqual(data, { success: true });
    assert.equal(B.jar.header(), "", `B's jar after sign-out: ${B.jar.header()}`);
    const after = await B.client.getSession();
    assert.equal(after.data, null);
    await assertGone(B, "B after sign-out");
    if (REDIS) assert.equal(await redisSession(tokenB), null, "sign-out deleted the Redis key");
  });

  await sessionManagement(password);
  await refreshChecks();
  await deleteUserChecks();
  if (CACHE) await chunkedCacheChecks();
}

/** The session token a device's jar holds, read with better-call's own reader (null if none, false if forged). */
async function jarToken(dev) {
  return dev.jar.has(SESSION_TOKEN) ? realGetSignedCookie(dev.jar.header(), SESSION_TOKEN) : null;
}

/**
 * Test-only time travel (the WAR's SessionClockServlet): createdAt/expiresAt moved back by `seconds` in the session
 * row. With STORAGE=redis the server reads the session from its Redis key first, so the same time passes there: the
 * key's session dates move back as the row's did, and so does the user's revoked-sessions-before marker (a
 * revocation that happened before this session was created stays before it).
 */
/**
 * The client's session atom refetched as an application's useSession() refetches it, once nothing else can abort the
 * fetch: the official client flips $sessionSignal 10 ms after every sign-in, update and revoke (better-auth's
 * client/proxy.mjs, a setTimeout), and a mounted atom answers a flip with a fetch of its own that aborts the one in
 * flight, leaving refetch() resolved on an aborted, still pending state (seen once in CI when the checks between a
 * revoke-session and this refetch took under 10 ms). Waiting past that timer first makes the refetch the only flight.
 */
async function refetchSessionAtom(dev) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const atom = dev.client.useSession;
  await atom.get().refetch();
  return atom.get();
}

async function ageSession(token, seconds) {
  await ageSessionRow(token, seconds);
  if (!REDIS) return;
  const stored = await redisSession(token);
  assert.ok(stored, "the session's Redis key");
  const back = (iso) => new Date(Date.parse(iso) - seconds * 1000).toISOString();
  for (const field of ["createdAt", "expiresAt", "updatedAt"]) stored.session[field] = back(stored.session[field]);
  assert.equal(await redis.command("SET", token, JSON.stringify(stored), "KEEPTTL"), "OK");
  const markerKey = `revoked-sessions-before-${stored.session.userId}`;
  const marker = await redis.command("GET", markerKey);
  if (marker !== null) {
    assert.equal(await redis.command("SET", markerKey, String(Number(marker) - seconds * 1000), "KEEPTTL"), "OK");
  }
}

async function ageSessionRow(token, seconds) {
  // with hash-tokens the row holds SHA-256(token), never the token
  const key = HARDENED ? sha256Hex(token) : token;
  const response = await fetch(`${base}/test/age-session?token=${encodeURIComponent(key)}&seconds=${seconds}`, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  assert.equal(response.status, 200, `age-session: ${response.status} ${await response.clone().text()}`);
  assert.equal(await response.text(), "1", "age-session updated one row");
}

function sha256Hex(value) {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** The test servlet's raw answer for aging the row whose token column holds exactly `key` ("1" or "0" rows). */
async function ageRowByKey(key, seconds) {
  const response = await fetch(`${base}/test/age-session?token=${encodeURIComponent(key)}&seconds=${seconds}`, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  assert.equal(response.status, 200);
  return response.text();
}

/** Better Auth's Set-Cookie lines for the end of a session (deleteSessionCookie), in its order. */
function expectedDeletions() {
  return [SESSION_TOKEN, SESSION_DATA, DONT_REMEMBER].map((name) => serializeCookie(name, "", { ...cookieOptions, maxAge: 0 }));
}

/** A plain POST (no client, no jar) with exactly these headers and `{}` as its JSON body. */
async function rawPost(path, headers) {
  const response = await fetch(`${authBase}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: "{}",
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, setCookies: response.headers.getSetCookie() };
}

/** Session management (list, revoke, update, change-password, freshness, origin) through the official client. */
async function sessionManagement(oldPassword) {
  const email = `Manage-${RUN}@Example.com`;
  const newPassword = "interop-password-456";
  const A = device("MA");
  const B = device("MB");
  const C = device("MC");
  const D = device("MD");
  let userId;
  let tokenA;
  let tokenB;
  let tokenC;
  let tokenD;

  await check("sessions: sign-up on A, sign-in on B and C", async () => {
    const up = await A.client.signUp.email({ name: "Manager", email, password: oldPassword });
    assert.equal(up.error, null, `sign-up failed: ${JSON.stringify(up.error)}`);
    tokenA = up.data.token;
    userId = up.data.user.id;
    const b = await B.client.signIn.email({ email, password: oldPassword });
    assert.equal(b.error, null, `B sign-in failed: ${JSON.stringify(b.error)}`);
    tokenB = b.data.token;
    const c = await C.client.signIn.email({ email, password: oldPassword });
    assert.equal(c.error, null, `C sign-in failed: ${JSON.stringify(c.error)}`);
    tokenC = c.data.token;
    assert.equal(new Set([tokenA, tokenB, tokenC]).size, 3, "three different tokens");
    assert.equal(await jarToken(A), tokenA);
    assert.equal(await jarToken(B), tokenB);
    assert.equal(await jarToken(C), tokenC);
  });

  await check("sessions: listSessions on A returns the 3 sessions, tokens as in the jars, dates revived", async () => {
    const { data, error } = await A.client.listSessions();
    assert.equal(error, null, `list-sessions failed: ${JSON.stringify(error)}`);
    assert.ok(Array.isArray(data), `an array: ${JSON.stringify(data)}`);
    assert.equal(data.length, 3, JSON.stringify(data));
    const jarTokens = [await jarToken(A), await jarToken(B), await jarToken(C)];
    assert.deepEqual(data.map((s) => s.token).sort(), [...jarTokens].sort());
    assert.equal(new Set(data.map((s) => s.id)).size, 3, "distinct ids");
    for (const s of data) {
      assert.equal(s.userId, userId);
      for (const field of ["expiresAt", "createdAt", "updatedAt"]) {
        assert.ok(s[field] instanceof Date, `${field} revived as a Date, got ${JSON.stringify(s[field])}`);
      }
      assert.ok(s.expiresAt.getTime() > Date.now(), "only live sessions");
      assert.equal(typeof s.ipAddress, "string");
      assert.equal(typeof s.userAgent, "string");
    }
  });

  await check("sessions: A revokes C's token -> {status:true}, C's getSession null and its cookie cleared", async () => {
    const { data, error } = await A.client.revokeSession({ token: tokenC });
    assert.equal(error, null, `revoke-session failed: ${JSON.stringify(error)}`);
    assert.deepEqual(data, { status: true });
    assert.equal(await jarToken(A), tokenA, "A keeps its own cookie");
    if (REDIS) assert.equal(await redisSession(tokenC), null, "revoke-session deleted C's Redis key");
    await assertPlainGetSessionAfterRevocation(C, tokenC);
    await assertGone(C, "C after A revoked it");
    const a = await storeSession(A);
    assert.equal(a.data?.session?.token, tokenA);
  });

  await check("sessions: A revoking another user's (D's) token -> {status:true}, D still signed in", async () => {
    const up = await D.client.signUp.email({ name: "Other", email: `Other-${RUN}@Example.com`, password: oldPassword });
    assert.equal(up.error, null, `D sign-up failed: ${JSON.stringify(up.error)}`);
    tokenD = up.data.token;
    assert.notEqual(up.data.user.id, userId);
    const { data, error } = await A.client.revokeSession({ token: tokenD });
    assert.equal(error, null, `revoke-session failed: ${JSON.stringify(error)}`);
    assert.deepEqual(data, { status: true });
    const d = await storeSession(D);
    assert.equal(d.error, null);
    assert.ok(d.data, "D still has a session");
    assert.equal(d.data.session.token, tokenD);
    assert.equal(await jarToken(D), tokenD);
    if (REDIS) await assertRedisSession(tokenD, `Other-${RUN}@Example.com`);
    const a = await storeSession(A);
    assert.equal(a.data?.session?.token, tokenA, "A is untouched too");
  });

  await check("sessions: revokeOtherSessions from A -> B null, A alive and alone", async () => {
    const { data, error } = await A.client.revokeOtherSessions();
    assert.equal(error, null, `revoke-other-sessions failed: ${JSON.stringify(error)}`);
    assert.deepEqual(data, { status: true });
    assert.equal(await jarToken(A), tokenA, "A's cookie untouched");
    if (REDIS) assert.equal(await redisSession(tokenB), null, "B's Redis key is gone");
    await assertPlainGetSessionAfterRevocation(B, tokenB);
    await assertGone(B, "B after revoke-other-sessions");
    const a = await storeSession(A);
    assert.equal(a.error, null);
    assert.equal(a.data?.session?.token, tokenA);
    const list = await A.client.listSessions();
    assert.equal(list.error, null, JSON.stringify(list.error));
    assert.deepEqual(list.data.map((s) => s.token), [tokenA]);
  });

  await check("sessions: updateUser({name}) on A -> {status:true}, getSession shows the new name", async () => {
    const { data, error } = await A.client.updateUser({ name: "Renamed Manager" });
    assert.equal(error, null, `update-user failed: ${JSON.stringify(error)}`);
    assert.deepEqual(data, { status: true });
    assert.equal(await jarToken(A), tokenA, "same session after update-user");
    const a = await A.client.getSession();
    assert.equal(a.error, null);
    assert.equal(a.data.user.name, "Renamed Manager");
    assert.equal(a.data.user.id, userId);
    assert.ok(a.data.user.updatedAt instanceof Date);
    if (CACHE) {
      const cached = await assertCacheCookie(A, { token: tokenA, email });
      assert.equal(cached.user.name, "Renamed Manager", "update-user re-issued the cache with the new name");
    }
    if (REDIS) assert.equal((await assertRedisSession(tokenA, email)).user.name, "Renamed Manager", "the Redis copy of the user follows");
    assert.equal((await storeSession(A)).data?.user?.name, "Renamed Manager");
  });

  await check("sessions: updateSession({token}) -> 400 \"No fields to update\" (core fields are ignored)", async () => {
    const { data, error } = await A.client.updateSession({ token: "x" });
    assert.equal(data, null);
    assert.ok(error, "an error");
    assert.equal(error.status, 400);
    assert.equal(error.message, "No fields to update");
    assert.equal(error.code, undefined, "Better Auth sends no code with this message");
    assert.equal(await jarToken(A), tokenA, "A's cookie untouched");
    const a = await A.client.getSession();
    assert.equal(a.data?.session?.token, tokenA, "the token was not changed to x");
  });

  await check("sessions: changePassword({revokeOtherSessions:true}) on A -> new token in A's jar, B null", async () => {
    const b = await B.client.signIn.email({ email, password: oldPassword });
    assert.equal(b.error, null, `B sign-in failed: ${JSON.stringify(b.error)}`);
    tokenB = b.data.token;
    assert.equal((await B.client.getSession()).data?.session?.token, tokenB);
    const { data, error } = await A.client.changePassword({ currentPassword: oldPassword, newPassword, revokeOtherSessions: true });
    assert.equal(error, null, `change-password failed: ${JSON.stringify(error)}`);
    assert.match(data.token, /^[a-zA-Z0-9]{32}$/);
    assert.notEqual(data.token, tokenA);
    assert.notEqual(data.token, tokenB);
    assert.equal(data.user.id, userId);
    assert.equal(data.user.name, "Renamed Manager");
    assert.ok(data.user.updatedAt instanceof Date);
    assert.equal(await jarToken(A), data.token, `A's jar follows the Set-Cookie: ${A.jar.header()}`);
    const oldA = tokenA;
    tokenA = data.token;
    const a = await A.client.getSession();
    assert.equal(a.error, null);
    assert.equal(a.data?.session?.token, tokenA);
    if (CACHE) await assertCacheCookie(A, { token: tokenA, email });
    if (REDIS) {
      await assertRedisSession(tokenA, email);
      assert.equal(await redisSession(oldA), null, "A's previous Redis key is gone");
      assert.equal(await redisSession(tokenB), null, "B's Redis key is gone");
    }
    await assertPlainGetSessionAfterRevocation(B, tokenB);
    await assertGone(B, "B after change-password with revokeOtherSessions");
    const replay = await serializeSignedCookie(SESSION_TOKEN, oldA, secret, signedCookieOptions);
    const r = await rawGetSession(replay.split(";")[0]);
    assert.equal(r.body, "null", "A's previous session is gone too");
    const list = await A.client.listSessions();
    assert.equal(list.error, null, JSON.stringify(list.error));
    assert.deepEqual(list.data.map((s) => s.token), [tokenA], "only the caller's new session remains");
  });

  await check("sessions: after change-password the old password fails 401, the new one works", async () => {
    const E = device("ME");
    const bad = await E.client.signIn.email({ email, password: oldPassword });
    assert.equal(bad.data, null);
    assert.equal(bad.error?.status, 401);
    assert.equal(bad.error.code, "INVALID_EMAIL_OR_PASSWORD");
    assert.equal(E.jar.header(), "");
    const good = await E.client.signIn.email({ email, password: newPassword });
    assert.equal(good.error, null, `sign-in with the new password failed: ${JSON.stringify(good.error)}`);
    assert.equal(good.data.user.id, userId);
    assert.equal(await jarToken(E), good.data.token);
    const out = await E.client.signOut();
    assert.deepEqual(out.data, { success: true });
    await assertGone(E, "E after sign-out");
  });

  await check("sessions: a stale session (createdAt 86401 s ago) -> listSessions 403 SESSION_NOT_FRESH", async () => {
    await ageSession(tokenA, 86401);
    if (CACHE) {
      // A's cache still holds the session as it was; as when it expires, a store read re-issues it from the store
      const fromStore = await storeSession(A);
      assert.equal(fromStore.data?.session?.token, tokenA);
      assert.ok(Date.now() - fromStore.data.session.createdAt.getTime() >= 86401_000, "the store has the aged session");
      const cached = await assertCacheCookie(A, { token: tokenA, email });
      assert.equal(new Date(cached.session.createdAt).getTime(), fromStore.data.session.createdAt.getTime(), "the cache was re-issued from the store");
    }
    const { data, error } = await A.client.listSessions();
    assert.equal(data, null);
    assert.ok(error, "an error");
    assert.equal(error.status, 403);
    assert.equal(error.code, "SESSION_NOT_FRESH");
    assert.equal(error.message, "Session is not fresh");
    const a = await A.client.getSession();
    assert.equal(a.error, null);
    assert.equal(a.data?.session?.token, tokenA, "a stale session is still a session");
    assert.ok(Date.now() - a.data.session.createdAt.getTime() >= 86401_000, "createdAt moved back");
  });

  await check("sessions: a cookie-bearing POST from another origin -> 403 INVALID_ORIGIN, without Origin -> MISSING_OR_NULL_ORIGIN", async () => {
    const cookie = A.jar.header();
    const evil = await rawPost("/revoke-other-sessions", { cookie, origin: "http://evil.example" });
    assert.equal(evil.status, 403, evil.text);
    assert.equal(evil.json?.code, "INVALID_ORIGIN", evil.text);
    assert.equal(evil.json.message, "Invalid origin");
    assert.deepEqual(evil.setCookies, []);
    const none = await rawPost("/revoke-other-sessions", { cookie });
    assert.equal(none.status, 403, none.text);
    assert.equal(none.json?.code, "MISSING_OR_NULL_ORIGIN", none.text);
    assert.equal(none.json.message, "Missing or null Origin");
    assert.deepEqual(none.setCookies, []);
    const a = await A.client.getSession();
    assert.equal(a.data?.session?.token, tokenA, "A is still signed in");
  });

  await check("sessions: revokeSessions on a fresh device -> every session null and its jar emptied", async () => {
    const F = device("MF");
    const f = await F.client.signIn.email({ email, password: newPassword, rememberMe: false });
    assert.equal(f.error, null, `F sign-in failed: ${JSON.stringify(f.error)}`);
    assert.ok(F.jar.has(SESSION_TOKEN) && F.jar.has(DONT_REMEMBER), F.jar.header());
    const { data, error } = await F.client.revokeSessions();
    assert.equal(error, null, `revoke-sessions failed: ${JSON.stringify(error)}`);
    assert.deepEqual(data, { status: true });
    assert.equal(F.jar.has(SESSION_TOKEN), false, `F's jar after revoke-sessions: ${F.jar.header()}`);
    assert.equal(F.jar.has(DONT_REMEMBER), false, `F's jar after revoke-sessions: ${F.jar.header()}`);
    assert.equal(F.jar.has(SESSION_DATA), false, `F's jar after revoke-sessions: ${F.jar.header()}`);
    assert.equal((await F.client.getSession()).data, null);
    await assertGone(F, "F after revoke-sessions");
    if (REDIS) {
      assert.equal(await redisSession(tokenA), null, "A's Redis key is gone");
      assert.equal(await redis.command("GET", `active-sessions-${userId}`), null, "no active sessions left in Redis");
    }
    await assertPlainGetSessionAfterRevocation(A, tokenA);
    await assertGone(A, "A's (stale) session after F's revoke-sessions");
    const d = await storeSession(D);
    assert.equal(d.data?.session?.token, tokenD, "another user's session survives");
  });
}

/**
 * get-session's refresh through the client: past updateAge (1 day) a store read slides expiresAt 7 days ahead and
 * re-sends the token cookie; `disableRefresh` reads without sliding; a POST needs deferSessionRefresh (405 here).
 * With a cookie cache every call reads the store (disableCookieCache), since a cache answer never refreshes.
 */
async function refreshChecks() {
  const email = `Refresh-${RUN}@Example.com`;
  const password = "refresh-password-123";
  const R = device("R");
  let token;
  let expiresAt;

  await check("refresh: a session aged past updateAge, read with disableRefresh -> the session as it is, no token cookie", async () => {
    const up = await R.client.signUp.email({ name: "Refresh", email, password });
    assert.equal(up.error, null, `sign-up failed: ${JSON.stringify(up.error)}`);
    token = up.data.token;
    await ageSession(token, 86401);
    const { data, error } = await R.client.getSession({ query: { disableRefresh: true, ...(CACHE ? { disableCookieCache: true } : {}) } });
    assert.equal(error, null);
    assert.equal(data?.session?.token, token);
    expiresAt = data.session.expiresAt.getTime();
    const ahead = expiresAt - Date.now();
    assert.ok(ahead < 6 * 86400_000 + 60_000, `expiresAt not moved: ${ahead} ms`);
    const lines = R.jar.setCookiesFrom("/get-session");
    assert.ok(!lines.some((l) => l.startsWith(`${SESSION_TOKEN}=`)), `no token cookie: ${JSON.stringify(lines)}`);
    assert.ok(!("needsRefresh" in data), "needsRefresh only with deferSessionRefresh");
  });

  await check("refresh: the next getSession slides expiresAt 7 days ahead and re-sends better-call's token cookie (Max-Age 604800)", async () => {
    const { data, error } = await R.client.getSession(CACHE ? { query: { disableCookieCache: true } } : undefined);
    assert.equal(error, null);
    assert.equal(data?.session?.token, token);
    const ahead = data.session.expiresAt.getTime() - Date.now();
    assert.ok(ahead > 7 * 86400_000 - 600_000 && ahead <= 7 * 86400_000 + 60_000, `expiresAt 7 days ahead: ${ahead} ms`);
    assert.ok(data.session.expiresAt.getTime() > expiresAt);
    const lines = R.jar.setCookiesFrom("/get-session");
    assert.equal(lines[0], await serializeSignedCookie(SESSION_TOKEN, token, secret, { ...signedCookieOptions, maxAge: 604800 }));
    if (CACHE) await assertCacheCookie(R, { token, email });
    if (REDIS) await assertRedisSession(token, email);
    // and it stays refreshed: the store has the new expiry
    assert.equal((await storeSession(R)).data.session.expiresAt.getTime(), data.session.expiresAt.getTime());
  });

  await check("refresh: POST get-session through the client's $fetch without deferSessionRefresh -> 405 METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED", async () => {
    const { data, error } = await R.client.$fetch("/get-session", { method: "POST", body: {} });
    assert.equal(data, null);
    assert.equal(error?.status, 405, JSON.stringify(error));
    assert.equal(error.code, "METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED");
    assert.equal(error.message, "POST method requires deferSessionRefresh to be enabled in session config");
    assert.deepEqual((await R.client.signOut()).data, { success: true });
    await assertGone(R, "R after sign-out");
  });
}

/**
 * delete-user through the official client (authClient.deleteUser). With DELETE_USER=off the server must answer as
 * Better Auth does with user.deleteUser off; with it on: Better Auth's errors in its order, then deletion from a
 * fresh session without a password, and from a stale one with the password.
 */
async function deleteUserChecks() {
  const password = "delete-password-123";
  const email = `Delete-${RUN}@Example.com`;
  const A = device("DA");
  const B = device("DB");
  const C = device("DC");
  let userId;
  let tokenA;
  let tokenB;
  let tokenC;

  await check("delete-user: sign-up on A, sign-in on B (rememberMe:false) and C", async () => {
    const up = await A.client.signUp.email({ name: "To Delete", email, password });
    assert.equal(up.error, null, `sign-up failed: ${JSON.stringify(up.error)}`);
    tokenA = up.data.token;
    userId = up.data.user.id;
    const b = await B.client.signIn.email({ email, password, rememberMe: false });
    assert.equal(b.error, null, `B sign-in failed: ${JSON.stringify(b.error)}`);
    tokenB = b.data.token;
    assert.ok(B.jar.has(DONT_REMEMBER), B.jar.header());
    const c = await C.client.signIn.email({ email, password });
    assert.equal(c.error, null, `C sign-in failed: ${JSON.stringify(c.error)}`);
    tokenC = c.data.token;
  });

  if (DELETE_USER === "off") {
    await check("delete-user off: deleteUser -> 404 with neither message nor code (Better Auth's empty body), nothing deleted", async () => {
      const { data, error } = await A.client.deleteUser({ password });
      assert.equal(data, null);
      assert.ok(error, "an error");
      assert.equal(error.status, 404);
      assert.equal(error.statusText, "Not Found");
      assert.equal(error.message, undefined, JSON.stringify(error));
      assert.equal(error.code, undefined, JSON.stringify(error));
      assert.deepEqual(A.jar.setCookiesFrom("/delete-user"), []);
      assert.equal(await jarToken(A), tokenA, "A keeps its cookie");
      assert.equal((await storeSession(A)).data?.user?.id, userId, "the user and A's session are still there");
      assert.equal((await storeSession(C)).data?.session?.token, tokenC);
    });

    await check("delete-user off, without a session: 401 UNAUTHORIZED (Better Auth's session middleware answers first)", async () => {
      const X = device("DX");
      const { data, error } = await X.client.deleteUser({});
      assert.equal(data, null);
      assert.equal(error?.status, 401, JSON.stringify(error));
      assert.equal(error.code, "UNAUTHORIZED");
      assert.equal(error.message, "Unauthorized");
    });

    await check("delete-user off: the devices sign out as usual", async () => {
      for (const dev of [A, B, C]) {
        assert.deepEqual((await dev.client.signOut()).data, { success: true });
        await assertGone(dev, `${dev.jar.name} after sign-out`);
      }
    });
    return;
  }

  await check("delete-user: wrong password -> 400 INVALID_PASSWORD, 129 chars -> 400 PASSWORD_TOO_LONG, a token -> 404 INVALID_TOKEN; nothing deleted", async () => {
    const wrong = await A.client.deleteUser({ password: "wrong-password-123" });
    assert.equal(wrong.data, null);
    assert.equal(wrong.error?.status, 400, JSON.stringify(wrong.error));
    assert.equal(wrong.error.code, "INVALID_PASSWORD");
    assert.equal(wrong.error.message, "Invalid password");
    const long = await A.client.deleteUser({ password: "x".repeat(129) });
    assert.equal(long.error?.status, 400, JSON.stringify(long.error));
    assert.equal(long.error.code, "PASSWORD_TOO_LONG");
    assert.equal(long.error.message, "Password too long");
    // Better Auth's e-mailed deletion tokens are not issued here: any token is unknown, as Better Auth answers one
    const token = await A.client.deleteUser({ token: "0123456789abcdefghijklmnopqrstuv" });
    assert.equal(token.error?.status, 404, JSON.stringify(token.error));
    assert.equal(token.error.code, "INVALID_TOKEN");
    assert.equal(token.error.message, "Invalid token");
    // nothing is deleted or re-signed; with a cache on, Better Auth re-sends session_data from its store read
    for (const line of A.jar.setCookiesFrom("/delete-user")) {
      assert.ok(line.startsWith(`${SESSION_DATA}=`) && !/Max-Age=0;/.test(line), `an error changes no cookie but the cache: ${line}`);
    }
    assert.equal(await jarToken(A), tokenA);
    assert.equal((await storeSession(A)).data?.user?.id, userId, "the user is still there");
  });

  await check("delete-user: without a password from a stale session (createdAt 86401 s ago) -> 400 SESSION_EXPIRED", async () => {
    await ageSession(tokenC, 86401);
    const { data, error } = await C.client.deleteUser({});
    assert.equal(data, null);
    assert.equal(error?.status, 400, JSON.stringify(error));
    assert.equal(error.code, "SESSION_EXPIRED");
    assert.equal(error.message, "Session expired. Re-authenticate to perform this action.");
    assert.equal((await storeSession(C)).data?.user?.id, userId, "nothing was deleted");
  });

  await check("delete-user: deleteUser() from A's fresh session -> {success:true,message:\"User deleted\"}, Better Auth's cookie deletions, A's jar emptied", async () => {
    const { data, error } = await A.client.deleteUser();
    assert.equal(error, null, `delete-user failed: ${JSON.stringify(error)}`);
    assert.deepEqual(data, { success: true, message: "User deleted" });
    // with a cache on, Better Auth 1.7.25 expires session_data twice (its store read re-issued it first)
    const deletions = expectedDeletions();
    assert.deepEqual(A.jar.setCookiesFrom("/delete-user"), CACHE ? [deletions[0], deletions[1], ...deletions.slice(1)] : deletions);
    assert.equal(A.jar.header(), "", `A's jar after delete-user: ${A.jar.header()}`);
    assert.equal((await A.client.getSession()).data, null);
    if (REDIS) {
      for (const t of [tokenA, tokenB, tokenC]) assert.equal(await redisSession(t), null, "every session's Redis key is gone");
      assert.equal(await redis.command("GET", `active-sessions-${userId}`), null, "no active sessions left in Redis");
    }
  });

  await check("delete-user: every other device of the user is signed out (B with dont_remember, C)", async () => {
    await assertPlainGetSessionAfterRevocation(B, tokenB);
    await assertGone(B, "B after delete-user");
    assert.equal(B.jar.has(DONT_REMEMBER), false, `B's dont_remember was cleared: ${B.jar.header()}`);
    await assertGone(C, "C after delete-user");
    const replay = await serializeSignedCookie(SESSION_TOKEN, tokenC, secret, signedCookieOptions);
    assert.equal((await rawGetSession(replay.split(";")[0])).body, "null", "C's token, replayed, finds nothing");
  });

  await check("delete-user: the user is gone: sign-in 401 INVALID_EMAIL_OR_PASSWORD, the e-mail signs up again as a new user", async () => {
    const E = device("DE");
    const bad = await E.client.signIn.email({ email, password });
    assert.equal(bad.error?.status, 401, JSON.stringify(bad.error));
    assert.equal(bad.error.code, "INVALID_EMAIL_OR_PASSWORD");
    const again = await E.client.signUp.email({ name: "Again", email, password });
    assert.equal(again.error, null, `sign-up with the freed e-mail failed: ${JSON.stringify(again.error)}`);
    assert.notEqual(again.data.user.id, userId, "a new user");
    assert.equal(again.data.user.name, "Again");
  });

  await check("delete-user: with the password, a stale session may delete (Better Auth skips freshness then)", async () => {
    const E = device("DE2");
    const inE = await E.client.signIn.email({ email, password });
    assert.equal(inE.error, null, JSON.stringify(inE.error));
    await ageSession(inE.data.token, 86401);
    const { data, error } = await E.client.deleteUser({ password });
    assert.equal(error, null, `delete-user failed: ${JSON.stringify(error)}`);
    assert.deepEqual(data, { success: true, message: "User deleted" });
    assert.equal(E.jar.header(), "");
    // the sign-up device of the re-created user is gone too
    const bad = await E.client.signIn.email({ email, password });
    assert.equal(bad.error?.code, "INVALID_EMAIL_OR_PASSWORD");
  });
}

/**
 * With a cookie cache: a user whose session_data would make a Set-Cookie line longer than 4050 characters gets it in
 * chunks (session_data.0, .1, …), as Better Auth's session store writes them; Better Auth's getCookieCache joins
 * them, the client's getSession is answered from them, and sign-out clears every chunk.
 */
async function chunkedCacheChecks() {
  const password = "chunk-password-123";
  const email = `Chunked-${RUN}@Example.com`;
  const name = `Chunky ${"n".repeat(4000)}`;
  const A = device("CA");
  const B = device("CB");
  let tokenA;

  await check(`chunks: a 4 KB user name -> ${SESSION_DATA}.0, .1 (no whole cookie), each Set-Cookie line at most 4093 characters`, async () => {
    const up = await A.client.signUp.email({ name, email, password });
    assert.equal(up.error, null, `sign-up failed: ${JSON.stringify(up.error)}`);
    tokenA = up.data.token;
    assert.equal(A.jar.has(SESSION_DATA), false, `no whole ${SESSION_DATA}: ${[...A.jar.cookies.keys()]}`);
    assert.ok(A.jar.has(`${SESSION_DATA}.0`) && A.jar.has(`${SESSION_DATA}.1`), `chunks: ${[...A.jar.cookies.keys()]}`);
    for (const line of A.jar.setCookiesFrom("/sign-up/email")) assert.ok(line.length <= 4093, `a ${line.length}-character line`);
  });

  await check("chunks: Better Auth's getCookieCache joins them into this session; getSession reads them", async () => {
    const cookie = new Headers({ cookie: A.jar.header() });
    const payload = await getCookieCache(cookie, { secret, strategy: STRATEGY, isSecure: false });
    assert.ok(payload, `Better Auth's getCookieCache (${STRATEGY}) reads the chunks`);
    assert.equal(payload.session.token, tokenA);
    assert.equal(payload.user.name, name);
    const { data, error } = await A.client.getSession();
    assert.equal(error, null);
    assert.equal(data?.user?.name, name);
  });

  await check("chunks: after B revokes A, A's plain getSession is still answered from the chunks (so they were read); a store read clears them all", async () => {
    const b = await B.client.signIn.email({ email, password });
    assert.equal(b.error, null, JSON.stringify(b.error));
    assert.deepEqual((await B.client.revokeOtherSessions()).data, { status: true });
    const { data } = await A.client.getSession();
    assert.equal(data?.session?.token, tokenA, "answered from the chunked cache (revocation window)");
    await assertGone(A, "A after revoke-other-sessions");
    assert.equal(A.jar.hasAny(SESSION_DATA), false, `every chunk cleared: ${[...A.jar.cookies.keys()]}`);
  });

  await check("chunks: sign-out clears every chunk", async () => {
    assert.ok(B.jar.has(`${SESSION_DATA}.1`), `B has chunks: ${[...B.jar.cookies.keys()]}`);
    assert.deepEqual((await B.client.signOut()).data, { success: true });
    assert.equal(B.jar.header(), "", `B's jar after sign-out: ${B.jar.header()}`);
  });
}

/**
 * PROFILE=hardened: this library's options beyond Better Auth, all on in one deployment, driven by the unchanged
 * official client: hash-tokens, absolute-expires-in (10 days), use-host-prefix (with secure cookies),
 * clear-site-data, rate limits, delete-user; and Better Auth's own defer-session-refresh, through the client's
 * session atom (GET get-session reports needsRefresh, the atom POSTs get-session to refresh).
 */
async function hardened() {
  console.log(`client-interop: better-auth client against ${authBase} (hardened options)`);
  const email = `Hardened-${RUN}@Example.com`;
  const password = "hardened-password-123";
  const A = device("HA");
  const B = device("HB");
  const C = device("HC");
  let userId;
  let tokenA;
  let tokenB;
  let tokenC;
  const ABSOLUTE = 864000;

  await check("use-host-prefix: sign-up sets exactly better-call's __Host-better-auth.session_token line (Secure, Path=/, no Domain)", async () => {
    const up = await A.client.signUp.email({ name: "Hardened", email, password });
    assert.equal(up.error, null, `sign-up failed: ${JSON.stringify(up.error)}`);
    tokenA = up.data.token;
    userId = up.data.user.id;
    const expected = await serializeSignedCookie(SESSION_TOKEN, tokenA, secret, { ...cookieOptions, maxAge: 604800 });
    assert.deepEqual(A.jar.setCookiesFrom("/sign-up/email"), [expected]);
    assert.ok(expected.startsWith("__Host-better-auth.session_token=") && !/domain=/i.test(expected), expected);
    assert.deepEqual([...A.jar.cookies.keys()], [SESSION_TOKEN]);
    assert.equal(await jarToken(A), tokenA, "better-call's reader verifies the __Host- cookie");
  });

  await check("use-host-prefix: rememberMe:false adds __Host-better-auth.dont_remember; getSession works from __Host- cookies", async () => {
    const b = await B.client.signIn.email({ email, password, rememberMe: false });
    assert.equal(b.error, null, `sign-in failed: ${JSON.stringify(b.error)}`);
    tokenB = b.data.token;
    assert.deepEqual(B.jar.setCookiesFrom("/sign-in/email"), [
      await serializeSignedCookie(SESSION_TOKEN, tokenB, secret, cookieOptions),
      await serializeSignedCookie(DONT_REMEMBER, "true", secret, cookieOptions),
    ]);
    const { data, error } = await B.client.getSession();
    assert.equal(error, null);
    assert.equal(data?.session?.token, tokenB);
    assert.equal(data.user.id, userId);
  });

  await check("use-host-prefix: plain better-auth.session_token (a Node server's name) is not read", async () => {
    const plain = await serializeSignedCookie("better-auth.session_token", tokenA, secret, signedCookieOptions);
    assert.equal((await rawGetSession(plain.split(";")[0])).body, "null");
  });

  await check("update-session: updateSession({activeOrganizationId}) -> {session} with the declared field; getSession shows it", async () => {
    const { data, error } = await B.client.updateSession({ activeOrganizationId: "org-42" });
    assert.equal(error, null, `update-session failed: ${JSON.stringify(error)}`);
    assert.equal(data.session.activeOrganizationId, "org-42");
    assert.equal(data.session.token, tokenB, "hash-tokens: the caller's own token, never the stored hash");
    assert.equal((await B.client.getSession()).data?.session?.activeOrganizationId, "org-42");
    const bad = await B.client.updateSession({ activeOrganizationId: 42 });
    assert.equal(bad.error?.status, 400, JSON.stringify(bad.error));
    assert.equal(bad.error.code, "VALIDATION_ERROR");
  });

  await check("hash-tokens: getSession on A shows A's own token (the one presented), 7 days ahead", async () => {
    const { data, error } = await A.client.getSession();
    assert.equal(error, null);
    assert.equal(data.session.token, tokenA);
    const ahead = data.session.expiresAt.getTime() - Date.now();
    assert.ok(ahead > 7 * 86400_000 - 600_000 && ahead <= 7 * 86400_000 + 60_000, `expiresAt about 7 days ahead: ${ahead} ms`);
  });

  await check("hash-tokens: the session row holds SHA-256(token): the raw token finds no row, the hash finds one", async () => {
    assert.equal(await ageRowByKey(tokenA, 0), "0", "no row has the raw token");
    assert.equal(await ageRowByKey(sha256Hex(tokenA), 0), "1", "one row has its SHA-256");
  });

  let listed;
  await check("hash-tokens: listSessions returns the 2 sessions with their ids in place of tokens; no usable token", async () => {
    const { data, error } = await A.client.listSessions();
    assert.equal(error, null, `list-sessions failed: ${JSON.stringify(error)}`);
    assert.equal(data.length, 2, JSON.stringify(data));
    for (const s of data) {
      assert.equal(s.token, s.id, "the id in place of the token");
      assert.ok(![tokenA, tokenB].includes(s.token), "never a cookie's token");
      assert.ok(s.expiresAt instanceof Date && s.createdAt instanceof Date);
      const replay = await serializeSignedCookie(SESSION_TOKEN, s.token, secret, cookieOptions);
      assert.equal((await rawGetSession(replay.split(";")[0])).body, "null", "a listed value is no session token");
    }
    listed = data;
  });

  await check("hash-tokens: revokeSession({token: B's listed value}) -> {status:true}, B signed out, A stays", async () => {
    const own = (await storeSession(A)).data.session.id;
    const other = listed.find((s) => s.id !== own);
    assert.ok(other, JSON.stringify(listed));
    const { data, error } = await A.client.revokeSession({ token: other.token });
    assert.equal(error, null, `revoke-session failed: ${JSON.stringify(error)}`);
    assert.deepEqual(data, { status: true });
    await assertGone(B, "B after A revoked its listed entry");
    assert.equal((await storeSession(A)).data?.session?.token, tokenA);
    assert.deepEqual((await A.client.listSessions()).data.map((s) => s.id), [own]);
  });

  await check("defer-session-refresh: 2 days on, the client's getSession (GET) reports needsRefresh:true and no cookie is written", async () => {
    await ageSession(tokenA, 2 * 86400);
    const { data, error } = await A.client.getSession();
    assert.equal(error, null);
    assert.equal(data?.session?.token, tokenA);
    assert.equal(data.needsRefresh, true, JSON.stringify(Object.keys(data)));
    assert.deepEqual(A.jar.last("/get-session", "GET").setCookies, [], "a GET never writes");
    const ahead = data.session.expiresAt.getTime() - Date.now();
    assert.ok(ahead < 5 * 86400_000 + 60_000, `expiresAt not moved: ${ahead} ms`);
  });

  await check("defer-session-refresh: the client's session atom POSTs get-session, gets the session 7 days ahead and a new cookie", async () => {
    const state = await refetchSessionAtom(A);
    assert.equal(state.error, null, JSON.stringify(state.error));
    assert.equal(state.data?.session?.token, tokenA);
    const post = A.jar.last("/get-session", "POST");
    assert.ok(post, "the atom POSTed get-session");
    assert.equal(post.status, 200);
    assert.deepEqual(post.setCookies, [await serializeSignedCookie(SESSION_TOKEN, tokenA, secret, { ...cookieOptions, maxAge: 604800 })]);
    const ahead = state.data.session.expiresAt.getTime() - Date.now();
    assert.ok(ahead > 7 * 86400_000 - 600_000, `expiresAt 7 days ahead again: ${ahead} ms`);
  });

  await check(`absolute-expires-in (${ABSOLUTE} s): 6 days later a refresh stops at createdAt + 10 days; the cookie's Max-Age follows`, async () => {
    await ageSession(tokenA, 6 * 86400);
    const before = await A.client.getSession();
    assert.equal(before.data?.needsRefresh, true);
    const createdAt = before.data.session.createdAt.getTime();
    const state = await refetchSessionAtom(A);
    assert.equal(state.data?.session?.token, tokenA);
    assert.equal(state.data.session.expiresAt.getTime(), createdAt + ABSOLUTE * 1000, "expiresAt = createdAt + absolute-expires-in");
    const line = A.jar.last("/get-session", "POST").setCookies.find((l) => l.startsWith(`${SESSION_TOKEN}=`));
    assert.ok(line, "a refreshed cookie");
    const maxAge = Number(/Max-Age=(\d+)/.exec(line)[1]);
    const left = (createdAt + ABSOLUTE * 1000 - Date.now()) / 1000;
    assert.ok(maxAge <= left + 1 && maxAge > left - 120, `Max-Age ${maxAge} s follows the ${left} s left, not 7 days`);
    assert.ok(maxAge < 3 * 86400, `Max-Age ${maxAge}`);
  });

  await check("clear-site-data: signOut -> {success:true} with Clear-Site-Data: \"cache\", \"cookies\", \"storage\" and Better Auth's deletions", async () => {
    const { data, error } = await A.client.signOut();
    assert.equal(error, null);
    assert.deepEqual(data, { success: true });
    const out = A.jar.last("/sign-out");
    assert.equal(out.headers.get("clear-site-data"), '"cache", "cookies", "storage"');
    assert.deepEqual(out.setCookies, expectedDeletions());
    await assertGone(A, "A after sign-out");
  });

  const D = device("HD");
  await check("delete-user (hashed tokens, __Host- cookies): deleteUser({password}) from C -> User deleted, Clear-Site-Data, D signed out", async () => {
    const c = await C.client.signIn.email({ email, password });
    assert.equal(c.error, null, JSON.stringify(c.error));
    tokenC = c.data.token;
    const d = await D.client.signIn.email({ email, password });
    assert.equal(d.error, null, JSON.stringify(d.error));
    const { data, error } = await C.client.deleteUser({ password });
    assert.equal(error, null, `delete-user failed: ${JSON.stringify(error)}`);
    assert.deepEqual(data, { success: true, message: "User deleted" });
    const del = C.jar.last("/delete-user");
    assert.deepEqual(del.setCookies, expectedDeletions());
    assert.equal(del.headers.get("clear-site-data"), '"cache", "cookies", "storage"');
    assert.equal(C.jar.header(), "");
    await assertGone(D, "D after delete-user");
    assert.equal(await ageRowByKey(sha256Hex(tokenC), 0), "0", "C's row is gone");
  });

  await check("rate limit: a 4th sign-in within 10 s -> 429 {message} without code, X-Retry-After in seconds (Better Auth's answer)", async () => {
    const E = device("HE");
    const statuses = [];
    let error;
    for (let i = 0; i < 6 && statuses.at(-1) !== 429; i++) {
      ({ error } = await E.client.signIn.email({ email, password: "wrong-password-123" }));
      statuses.push(error?.status);
    }
    assert.equal(statuses.at(-1), 429, `statuses: ${statuses}`);
    assert.ok(statuses.slice(0, -1).every((s) => s === 401), `only 401 before: ${statuses}`);
    assert.equal(error.message, "Too many requests. Please try again later.");
    assert.equal(error.code, undefined);
    // (error.statusText is the container's reason phrase, not the library's: Payara's Grizzly has none for 429)
    const limited = E.jar.last("/sign-in/email");
    const retry = Number(limited.headers.get("x-retry-after"));
    assert.ok(Number.isInteger(retry) && retry >= 0 && retry <= 10, `X-Retry-After: ${limited.headers.get("x-retry-after")}`);
    assert.deepEqual(limited.setCookies, []);
    // another path is counted apart: get-session still answers
    assert.equal((await E.client.getSession()).error, null);
  });
}

/** With STORAGE=redis: deletes this run's keys, whatever happened (errors are reported, never thrown). */
async function cleanUp() {
  if (!redis) return;
  try {
    await cleanRedis();
  } catch (e) {
    console.error(`client-interop: Redis clean-up failed: ${e}`);
  } finally {
    redis.close();
    redis = undefined;
  }
}

/**
 * An app that keeps no cookies (a mobile app, another service), as Better Auth's bearer docs set the client up: it
 * keeps the set-auth-token of every answer (onSuccess) and sends it back as `Authorization: Bearer` (fetchOptions.auth);
 * it never sends a cookie. It sends its Origin to sign-up and sign-in only: Node's fetch sends Sec-Fetch-Mode, with
 * which Better Auth's sign-in CSRF check (formCsrfMiddleware) requires one, on Node as on ours (Better Auth's Expo
 * plugin does the same for native apps); every other call goes without. `history` has every exchange: {method, path,
 * status, headers, setCookies}.
 */
function bearerApp(token) {
  const app = { token, history: [] };
  const customFetchImpl = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.delete("cookie");
    if (/\/(sign-up|sign-in)\//.test(new URL(String(input)).pathname)) headers.set("origin", origin);
    const response = await fetch(input, {
      ...init,
      headers,
      redirect: "manual",
      signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    app.history.push({ method: (init.method || "GET").toUpperCase(), path: new URL(String(input)).pathname,
      status: response.status, headers: response.headers, setCookies: response.headers.getSetCookie() });
    return response;
  };
  app.client = createAuthClient({ baseURL: authBase, fetchOptions: {
    customFetchImpl,
    auth: { type: "Bearer", token: () => app.token },
    onSuccess: (ctx) => {
      const authToken = ctx.response.headers.get("set-auth-token");
      if (authToken) app.token = authToken;
    },
  } });
  app.last = (path) => app.history.findLast((h) => h.path.endsWith(path));
  return app;
}

/** The bearer plugin's checks (PROFILE=bearer): the unchanged client with bearer tokens and no cookies at all. */
async function bearerProfile() {
  console.log(`client-interop: better-auth client against ${authBase} (bearer plugin, no cookies)`);
  const email = `Bearer-${RUN}@Example.com`;
  const password = "bearer-password-123";
  const M = bearerApp();
  const N = bearerApp();
  let token;

  await check("bearer: sign-up answers set-auth-token, the session cookie's signed value, exposed to scripts", async () => {
    const up = await M.client.signUp.email({ name: "Bearer", email, password });
    assert.equal(up.error, null, `sign-up failed: ${JSON.stringify(up.error)}`);
    token = up.data.token;
    const answer = M.last("/sign-up/email");
    const expected = await serializeSignedCookie(SESSION_TOKEN, token, secret, { ...cookieOptions, maxAge: 604800 });
    assert.deepEqual(answer.setCookies, [expected]);
    assert.equal(M.token, decodeURIComponent(expected.split(";")[0].slice(SESSION_TOKEN.length + 1)));
    assert.equal(answer.headers.get("access-control-expose-headers"), "set-auth-token");
  });

  await check("bearer: getSession and listSessions with the token alone", async () => {
    const { data, error } = await M.client.getSession();
    assert.equal(error, null, JSON.stringify(error));
    assert.equal(data?.session?.token, token);
    assert.equal(data.user.email, email.toLowerCase());
    const list = await M.client.listSessions();
    assert.equal(list.error, null, JSON.stringify(list.error));
    assert.deepEqual(list.data.map((s) => s.token), [token]);
  });

  await check("bearer: a raw session token authenticates too (requireSignature off); a tampered one is no session", async () => {
    const raw = bearerApp(token);
    assert.equal((await raw.client.getSession()).data?.session?.token, token);
    const signature = M.token.slice(M.token.lastIndexOf(".") + 1);
    const forged = bearerApp(`${token}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`);
    const { data, error } = await forged.client.getSession();
    assert.equal(error, null, JSON.stringify(error));
    assert.equal(data, null);
  });

  await check("bearer: a second app signs in; revokeOtherSessions from the first ends it", async () => {
    const signIn = await N.client.signIn.email({ email, password });
    assert.equal(signIn.error, null, JSON.stringify(signIn.error));
    assert.ok(N.token?.startsWith(`${signIn.data.token}.`), N.token);
    assert.equal((await N.client.getSession()).data?.session?.token, signIn.data.token);
    const revoked = await M.client.revokeOtherSessions();
    assert.deepEqual(revoked.data, { status: true }, JSON.stringify(revoked.error));
    assert.equal((await N.client.getSession()).data, null);
    assert.equal((await M.client.getSession()).data?.session?.token, token);
  });

  await check("bearer: a day later getSession slides the expiry and answers a new set-auth-token", async () => {
    await ageSessionRow(token, 86401);
    const before = M.token;
    const { data, error } = await M.client.getSession();
    assert.equal(error, null, JSON.stringify(error));
    const answer = M.last("/get-session");
    assert.equal(answer.headers.get("set-auth-token"), before, "same token and secret: the same signed value");
    assert.equal(answer.headers.get("access-control-expose-headers"), "set-auth-token");
    const ahead = data.session.expiresAt.getTime() - Date.now();
    assert.ok(ahead > 7 * 86400_000 - 600_000, `expiresAt 7 days ahead: ${ahead} ms`);
  });

  await check("bearer: signOut with the token alone (no cookie, no Origin) ends the session", async () => {
    const { data, error } = await M.client.signOut();
    assert.equal(error, null, JSON.stringify(error));
    assert.deepEqual(data, { success: true });
    assert.equal(M.last("/sign-out").headers.get("set-auth-token"), null);
    assert.equal((await M.client.getSession()).data, null);
  });
}

/** The multi-session plugin's checks (PROFILE=multi-session): one browser, several accounts, multiSessionClient(). */
async function multiSessionProfile() {
  console.log(`client-interop: better-auth client with multiSessionClient() against ${authBase} (multi-session plugin)`);
  const jar = new CookieJar("MS");
  const client = createAuthClient({ baseURL: authBase, plugins: [multiSessionClient()],
    fetchOptions: { customFetchImpl: jar.fetch } });
  const deviceName = (token) => `${SESSION_TOKEN}_multi-${token.toLowerCase()}`;
  const attributes = { ...cookieOptions, maxAge: 604800 };
  const emails = [`Multi-A-${RUN}@Example.com`, `Multi-B-${RUN}@Example.com`];
  const password = "multi-password-123";
  let a;
  let b;

  await check("multi-session: each sign-up sets the session cookie and its signed device cookie, as better-call signs them", async () => {
    const upA = await client.signUp.email({ name: "Multi A", email: emails[0], password });
    assert.equal(upA.error, null, JSON.stringify(upA.error));
    a = upA.data.token;
    assert.deepEqual(jar.setCookiesFrom("/sign-up/email"), [
      await serializeSignedCookie(SESSION_TOKEN, a, secret, attributes),
      await serializeSignedCookie(deviceName(a), a, secret, attributes),
    ]);
    const upB = await client.signUp.email({ name: "Multi B", email: emails[1], password });
    assert.equal(upB.error, null, JSON.stringify(upB.error));
    b = upB.data.token;
    assert.equal((await client.getSession()).data?.session?.token, b);
  });

  await check("multi-session: listDeviceSessions lists both accounts of the browser", async () => {
    const { data, error } = await client.multiSession.listDeviceSessions();
    assert.equal(error, null, JSON.stringify(error));
    assert.deepEqual(data.map((d) => d.session.token).sort(), [a, b].sort());
    assert.deepEqual(data.map((d) => d.user.email).sort(), emails.map((e) => e.toLowerCase()).sort());
  });

  await check("multi-session: setActive switches the browser's account; a token without its device cookie is 401 INVALID_SESSION_TOKEN", async () => {
    const { data, error } = await client.multiSession.setActive({ sessionToken: a });
    assert.equal(error, null, JSON.stringify(error));
    assert.equal(data.session.token, a);
    assert.equal((await client.getSession()).data?.session?.token, a);
    const forged = await client.multiSession.setActive({ sessionToken: randomToken() });
    assert.equal(forged.error?.status, 401);
    assert.equal(forged.error.code, "INVALID_SESSION_TOKEN");
    assert.equal(forged.error.message, "Invalid session token");
  });

  await check("multi-session: revoke signs one account out; the other stays active", async () => {
    const { data, error } = await client.multiSession.revoke({ sessionToken: b });
    assert.equal(error, null, JSON.stringify(error));
    assert.deepEqual(data, { status: true });
    assert.equal(jar.has(deviceName(b)), false);
    assert.equal((await client.getSession()).data?.session?.token, a);
    const listed = await client.multiSession.listDeviceSessions();
    assert.deepEqual(listed.data.map((d) => d.session.token), [a]);
  });

  await check("multi-session: signing in again as B adds B back; signOut ends every account of the browser", async () => {
    const again = await client.signIn.email({ email: emails[1], password });
    assert.equal(again.error, null, JSON.stringify(again.error));
    const b2 = again.data.token;
    assert.ok(jar.has(deviceName(b2)), jar.header());
    const out = await client.signOut();
    assert.deepEqual(out.data, { success: true });
    const lines = jar.setCookiesFrom("/sign-out");
    for (const token of [a, b2]) {
      assert.ok(lines.includes(serializeCookie(deviceName(token), "", { ...cookieOptions, maxAge: 0 })), lines.join("\n"));
    }
    assert.deepEqual([...jar.cookies.keys()], []);
    for (const token of [a, b2]) {
      const device = await serializeSignedCookie(SESSION_TOKEN, token, secret, cookieOptions);
      assert.equal((await rawGetSession(device.split(";")[0])).body, "null", "the session is deleted");
    }
  });
}

/**
 * The admin plugin's checks (PROFILE=admin): adminClient() bans, unbans and impersonates; a non-admin is refused; the
 * admin_session cookie is better-call's signed cookie; a forged one does nothing.
 */
async function adminProfile() {
  console.log(`client-interop: better-auth client with adminClient() against ${authBase} (admin plugin)`);
  const browser = (name) => {
    const jar = new CookieJar(name);
    return { jar, client: createAuthClient({ baseURL: authBase, plugins: [adminClient()], fetchOptions: { customFetchImpl: jar.fetch } }) };
  };
  const password = "admin-password-123";
  const ADMIN_SESSION = `${COOKIE_PREFIX}better-auth.admin_session`;
  const root = browser("ROOT");
  const user = browser("USER");
  const victim = browser("VICTIM");
  const other = browser("OTHER");
  const ids = {};
  let rootToken;

  await check("admin: four users sign up; the test WAR makes ROOT and OTHER admins (role column)", async () => {
    for (const [name, b] of Object.entries({ root, user, victim, other })) {
      const up = await b.client.signUp.email({ name, email: `Admin-${name}-${RUN}@Example.com`, password });
      assert.equal(up.error, null, JSON.stringify(up.error));
      ids[name] = up.data.user.id;
      assert.equal(up.data.user.role, "user", "a new user's role is defaultRole");
      assert.equal(up.data.user.banned, false);
    }
    rootToken = (await root.client.getSession()).data.session.token;
    for (const name of ["root", "other"]) {
      const promoted = await fetch(`${base}/test/promote`, { method: "POST",
        body: new URLSearchParams({ userId: ids[name], role: "admin" }), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      assert.equal(promoted.status, 204);
    }
    assert.equal((await root.client.getSession()).data.user.role, "admin");
  });

  await check("admin: a non-admin gets the plugin's 403s, no session a 401 with no body", async () => {
    const ban = await user.client.admin.banUser({ userId: ids.victim });
    assert.equal(ban.error?.status, 403);
    assert.equal(ban.error.code, "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS");
    assert.equal(ban.error.message, "You are not allowed to ban users");
    const imp = await user.client.admin.impersonateUser({ userId: ids.victim });
    assert.equal(imp.error?.status, 403);
    assert.equal(imp.error.code, "YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS");
    const anonymous = browser("ANON");
    const none = await anonymous.client.admin.listUserSessions({ userId: ids.victim });
    assert.equal(none.error?.status, 401);
    assert.equal(anonymous.jar.last("/admin/list-user-sessions").status, 401);
  });

  await check("admin: banUser bans, revokes the user's sessions, and sign-in is 403 BANNED_USER", async () => {
    const { data, error } = await root.client.admin.banUser({ userId: ids.victim, banReason: "spam", banExpiresIn: 3600 });
    assert.equal(error, null, JSON.stringify(error));
    assert.equal(data.user.id, ids.victim);
    assert.equal(data.user.banned, true);
    assert.equal(data.user.banReason, "spam");
    assert.ok(Math.abs(new Date(data.user.banExpires).getTime() - Date.now() - 3600_000) < 60_000, data.user.banExpires);
    assert.equal((await victim.client.getSession()).data, null, "the victim's session is gone");
    const refused = await victim.client.signIn.email({ email: `Admin-victim-${RUN}@Example.com`, password });
    assert.equal(refused.error?.status, 403);
    assert.equal(refused.error.code, "BANNED_USER");
    assert.equal(refused.error.message, "You have been banned from this application. Please contact support if you believe this is an error.");
    const self = await root.client.admin.banUser({ userId: ids.root });
    assert.equal(self.error?.status, 400);
    assert.equal(self.error.code, "YOU_CANNOT_BAN_YOURSELF");
    const missing = await root.client.admin.banUser({ userId: `no-such-user-${RUN}` });
    assert.equal(missing.error?.status, 404);
    assert.equal(missing.error.code, "USER_NOT_FOUND");
  });

  await check("admin: unbanUser clears the ban; the user signs in again", async () => {
    const { data, error } = await root.client.admin.unbanUser({ userId: ids.victim });
    assert.equal(error, null, JSON.stringify(error));
    assert.equal(data.user.banned, false);
    assert.equal(data.user.banReason, null);
    assert.equal(data.user.banExpires, null);
    const again = await victim.client.signIn.email({ email: `Admin-victim-${RUN}@Example.com`, password });
    assert.equal(again.error, null, JSON.stringify(again.error));
  });

  let impersonation;
  await check("admin: impersonateUser signs the admin's browser in as the user, keeping the admin's token in better-call's signed admin_session cookie", async () => {
    const { data, error } = await root.client.admin.impersonateUser({ userId: ids.user });
    assert.equal(error, null, JSON.stringify(error));
    assert.equal(data.session.userId, ids.user);
    assert.equal(data.session.impersonatedBy, ids.root);
    assert.equal(data.user.id, ids.user);
    impersonation = data.session.token;
    const lines = root.jar.setCookiesFrom("/admin/impersonate-user");
    assert.ok(lines.includes(await serializeSignedCookie(ADMIN_SESSION, `${rootToken}:`, secret, { ...cookieOptions, maxAge: 604800 })),
      lines.join("\n"));
    assert.ok(lines.includes(await serializeSignedCookie(SESSION_TOKEN, impersonation, secret, cookieOptions)), lines.join("\n"));
    assert.ok(lines.includes(await serializeSignedCookie(DONT_REMEMBER, "true", secret, cookieOptions)), lines.join("\n"));
    assert.equal(await realGetSignedCookie(root.jar.header(), ADMIN_SESSION), `${rootToken}:`);
    const session = (await root.client.getSession()).data;
    assert.equal(session.user.id, ids.user);
    assert.equal(session.session.impersonatedBy, ids.root);
  });

  await check("admin: the impersonation session is hidden from the user's listSessions, shown to an admin's listUserSessions", async () => {
    const own = await user.client.listSessions();
    assert.equal(own.error, null, JSON.stringify(own.error));
    assert.equal(own.data.some((s) => s.token === impersonation), false);
    assert.equal(own.data.length, 1);
    const listed = await other.client.admin.listUserSessions({ userId: ids.user });
    assert.ok(listed.data.sessions.some((s) => s.token === impersonation && s.impersonatedBy === ids.root));
    const adminTarget = await root.client.admin.impersonateUser({ userId: ids.other });
    assert.equal(adminTarget.error?.status, 403, "the impersonated user is no admin");
  });

  await check("admin: a forged or foreign admin_session cookie makes stopImpersonating fail with Better Auth's 500, and changes nothing", async () => {
    const genuine = root.jar.get(ADMIN_SESSION);
    const otherToken = (await other.client.getSession()).data.session.token;
    for (const forged of [genuine.slice(0, -6) + "AAAA%3D", encodeURIComponent(`${otherToken}:`),
      (await serializeSignedCookie(ADMIN_SESSION, `${otherToken}:`, secret, {})).split(";")[0].split("=").slice(1).join("=")]) {
      root.jar.cookies.set(ADMIN_SESSION, forged);
      const stop = await root.client.admin.stopImpersonating();
      assert.equal(stop.error?.status, 500, forged);
      assert.equal(stop.error.message, "Failed to find admin session");
      assert.equal((await root.client.getSession()).data.session.token, impersonation);
    }
    root.jar.cookies.set(ADMIN_SESSION, genuine);
  });

  await check("admin: stopImpersonating restores the admin's session and expires admin_session; without an impersonation it is 400", async () => {
    const { data, error } = await root.client.admin.stopImpersonating();
    assert.equal(error, null, JSON.stringify(error));
    assert.equal(data.session.token, rootToken);
    assert.equal(data.user.id, ids.root);
    assert.equal(root.jar.has(ADMIN_SESSION), false);
    assert.ok(root.jar.setCookiesFrom("/admin/stop-impersonating").includes(serializeCookie(ADMIN_SESSION, "", { ...cookieOptions, maxAge: 0 })));
    assert.equal((await root.client.getSession()).data.session.token, rootToken);
    const listed = await root.client.admin.listUserSessions({ userId: ids.user });
    assert.equal(listed.data.sessions.some((s) => s.token === impersonation), false, "the impersonation session is deleted");
    const notImpersonating = await user.client.admin.stopImpersonating();
    assert.equal(notImpersonating.error?.status, 400);
    assert.equal(notImpersonating.error.message, "You are not impersonating anyone");
  });

  await check("admin: revokeUserSessions signs the user out everywhere", async () => {
    const { data, error } = await root.client.admin.revokeUserSessions({ userId: ids.user });
    assert.equal(error, null, JSON.stringify(error));
    assert.deepEqual(data, { success: true });
    assert.equal((await user.client.getSession()).data, null);
  });
}

/**
 * The jwt plugin's checks (PROFILE=jwt): the client's jwtClient() (token(), jwks()), set-auth-jwt on get-session, and
 * every JWT verified by jose against our /jwks as a resource server verifies it (asymmetric key, iss and aud = the
 * server's base URL origin, http://localhost:8080 in OfficialClientIT).
 */
async function jwtProfile() {
  console.log(`client-interop: better-auth client with jwtClient() against ${authBase} (jwt plugin)`);
  const ISSUER = "http://localhost:8080";
  const jar = new CookieJar("JWT");
  const client = createAuthClient({ baseURL: authBase, plugins: [jwtClient()], fetchOptions: { customFetchImpl: jar.fetch } });
  const remoteKeys = createRemoteJWKSet(new URL(`${authBase}/jwks`));
  const verify = (token) => jwtVerify(token, remoteKeys, { issuer: ISSUER, audience: ISSUER });
  let userId;
  let kid;

  await check("jwt: token() gives an EdDSA JWT that jose verifies against our /jwks, with Better Auth's claims", async () => {
    const up = await client.signUp.email({ name: "Jwt", email: `Jwt-${RUN}@Example.com`, password: "jwt-password-123" });
    assert.equal(up.error, null, JSON.stringify(up.error));
    userId = up.data.user.id;
    const { data, error } = await client.token();
    assert.equal(error, null, JSON.stringify(error));
    const header = decodeProtectedHeader(data.token);
    assert.deepEqual(Object.keys(header), ["alg", "kid"], "no typ, as Better Auth signs it");
    assert.equal(header.alg, "EdDSA");
    kid = header.kid;
    const { payload } = await verify(data.token);
    assert.equal(payload.sub, userId);
    assert.equal(payload.id, userId);
    assert.equal(payload.email, `jwt-${RUN}@example.com`);
    assert.equal(payload.exp - payload.iat, 900, "15 minutes");
  });

  await check("jwt: jwks() lists the key by kid, as Better Auth's /jwks does (no use member)", async () => {
    const { data, error } = await client.jwks();
    assert.equal(error, null, JSON.stringify(error));
    const key = data.keys.find((k) => k.kid === kid);
    assert.ok(key, JSON.stringify(data));
    assert.deepEqual(Object.keys(key).sort(), ["alg", "crv", "kid", "kty", "x"]);
    assert.equal(key.crv, "Ed25519");
  });

  await check("jwt: getSession answers set-auth-jwt, exposed to scripts, that verifies too", async () => {
    const { data, error } = await client.getSession();
    assert.equal(error, null, JSON.stringify(error));
    assert.equal(data?.user?.id, userId);
    const answer = jar.last("/get-session");
    assert.equal(answer.headers.get("access-control-expose-headers"), "set-auth-jwt");
    const { payload } = await verify(answer.headers.get("set-auth-jwt"));
    assert.equal(payload.sub, userId);
  });

  await check("jwt: token() without a session is 401 UNAUTHORIZED; a tampered JWT fails jose", async () => {
    const anonymous = createAuthClient({ baseURL: authBase, plugins: [jwtClient()],
      fetchOptions: { customFetchImpl: new CookieJar("JWT-anon").fetch } });
    const { error } = await anonymous.token();
    assert.equal(error?.status, 401);
    assert.equal(error.code, "UNAUTHORIZED");
    const token = (await client.token()).data.token;
    const [h, p, sig] = token.split(".");
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, "base64url")), sub: "someone-else" })).toString("base64url")}.${sig}`;
    await assert.rejects(verify(forged));
  });

  if (!SESSION_CACHE_JWT) return;
  await check("jwt: session_data is Better Auth 1.7's session-cache JWT, and Better Auth's getCookieCache reads it "
      + "with our /jwks alone (no secret)", async () => {
    const wire = jar.get(SESSION_DATA);
    assert.ok(wire, `the jar holds ${SESSION_DATA}: ${jar.header()}`);
    const value = decodeURIComponent(wire);
    const header = decodeProtectedHeader(value);
    assert.deepEqual(header, { alg: "EdDSA", kid, typ: "better-auth.session-cache+jwt" });
    const claims = base64UrlJson(value.split(".")[1]);
    assert.deepEqual(Object.keys(claims), ["session", "user", "updatedAt", "version", "sid", "iat", "exp", "iss",
      "aud", "sub"]);
    assert.equal(claims.sub, userId);
    assert.equal(claims.sid, claims.session.token);
    assert.equal(claims.aud, "better-auth:session-cache");
    const jwks = (await client.jwks()).data;
    const read = (cookieValue, issuer) => getCookieCache(new Headers({ cookie: `${SESSION_DATA}=${cookieValue}` }),
      { strategy: "jwt", isSecure: false, jwt: { jwks, issuer } });
    const payload = await read(wire, ISSUER);
    assert.ok(payload, "Better Auth's getCookieCache with the key set accepts our session cache");
    assert.equal(payload.user.id, userId);
    assert.equal(payload.session.token, claims.sid);
    assert.equal(await read(wire, "https://another-issuer.example"), null, "another issuer: not ours");
    const [h, p, sig] = value.split(".");
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: "someone-else" })).toString("base64url")}.${sig}`;
    assert.equal(await read(forged, ISSUER), null, "a forged sub");
    // and the client's getSession is answered from it
    const { data, error } = await client.getSession();
    assert.equal(error, null, JSON.stringify(error));
    assert.equal(data?.session?.token, claims.sid);
  });
}

const overall = setTimeout(async () => {
  console.error(`client-interop: FAILED (timed out at step "${step}")`);
  await Promise.race([cleanUp(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  console.log(`client-interop: ${checks} checks passed, 1 failed`);
  process.exit(1);
}, 160_000);

try {
  if (REDIS) {
    step = `connect to ${REDIS_URL}`;
    redis = await Redis.open(REDIS_URL);
  }
  if (HARDENED) await hardened();
  else if (PROFILE === "bearer") await bearerProfile();
  else if (PROFILE === "multi-session") await multiSessionProfile();
  else if (PROFILE === "jwt") await jwtProfile();
  else if (PROFILE === "admin") await adminProfile();
  else await main();
  await cleanUp();
  clearTimeout(overall);
  console.log(`client-interop: ${checks} checks passed, 0 failed`);
  process.exit(0);
} catch (e) {
  clearTimeout(overall);
  console.error(`client-interop: FAILED at check ${checks + 1} "${step}"`);
  console.error(e && e.stack ? e.stack : e);
  if (e && e.actual !== undefined) console.error("actual:", e.actual, "\nexpected:", e.expected);
  await cleanUp();
  console.log(`client-interop: ${checks} checks passed, 1 failed`);
  process.exit(1);
}
