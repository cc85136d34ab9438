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
//
// With a cookie cache, a revoked session stays readable from its session_data cookie until its max-age (Better
// Auth's documented revocation window), so every "this device is gone" check reads the store, as Better Auth users
// do: getSession({ query: { disableCookieCache: true } }), and checks that the server cleared the cache cookie.
//
// Exits 0 when every check passes; otherwise prints the failed check and exits 1.

import assert from "node:assert/strict";
import { createAuthClient } from "better-auth/client";
import { getCookieCache } from "better-auth/cookies";
import { createInternalContext, serializeCookie, serializeSignedCookie } from "better-call";
import { Redis } from "./resp.mjs";

const base = (process.argv[2] || process.env.BETTER_AUTH_BASE_URL || "").replace(/\/+$/, "");
const secret = process.env.BETTER_AUTH_SECRET || process.argv[3];
const STRATEGY = process.env.CACHE_STRATEGY || "off";
const STORAGE = process.env.STORAGE || "database";
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379/12";
if (!base || !secret || !["off", "compact", "jwt", "jwe"].includes(STRATEGY) || !["database", "redis"].includes(STORAGE)) {
  console.error("usage: BETTER_AUTH_SECRET=... [CACHE_STRATEGY=off|compact|jwt|jwe] [STORAGE=database|redis] node client-interop.mjs <base URL>");
  process.exit(2);
}
/** The server has a cookie cache: session_data cookies are issued with sessions. */
const CACHE = STRATEGY !== "off";
const REDIS = STORAGE === "redis";
// The client appends /api/auth only to a bare origin; a URL with a path (our WAR's context root) is taken as the
// auth base as it is, so the context root gets /api/auth here.
const authBase = new URL(base).pathname.replace(/\/+$/, "") === "" ? base : `${base}/api/auth`;
const origin = new URL(base).origin;
/** Every e-mail address of this run has it, so nothing collides with other runs on the same database or Redis. */
const RUN = `${Date.now()}-${process.pid}`;

const SESSION_TOKEN = "better-auth.session_token";
const SESSION_DATA = "better-auth.session_data";
const DONT_REMEMBER = "better-auth.dont_remember";
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
    this.history.push({ method, path, setCookies });
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
  const response = await fetch(`${base}/test/age-session?token=${encodeURIComponent(token)}&seconds=${seconds}`, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  assert.equal(response.status, 200, `age-session: ${response.status} ${await response.clone().text()}`);
  assert.equal(await response.text(), "1", "age-session updated one row");
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

const overall = setTimeout(async () => {
  console.error(`client-interop: FAILED (timed out at step "${step}")`);
  await Promise.race([cleanUp(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  process.exit(1);
}, 100_000);

try {
  if (REDIS) {
    step = `connect to ${REDIS_URL}`;
    redis = await Redis.open(REDIS_URL);
  }
  await main();
  await cleanUp();
  clearTimeout(overall);
  console.log(`client-interop: ${checks} checks passed`);
  process.exit(0);
} catch (e) {
  clearTimeout(overall);
  console.error(`client-interop: FAILED at check ${checks + 1} "${step}"`);
  console.error(e && e.stack ? e.stack : e);
  if (e && e.actual !== undefined) console.error("actual:", e.actual, "\nexpected:", e.expected);
  await cleanUp();
  process.exit(1);
}
