// The differential harness's engine (docs/design/plugins.md §4.3, modelled on better-auth-rs's compat-tests): a
// scenario runs once against each of two servers with the same configuration (a reference Node Better Auth and the
// server under test), every exchange is traced, the two observations are normalised and diffed.
//
//   const ctx = new Context({ base, secret, side: "node" });
//   const result = await scenario.run(ctx);              // the scenario asserts its own success (ctx.expect)
//   const observation = normalise({ trace: ctx.trace, result, resultAt: Date.now() }, ctx);
//   const differences = diff(observationA, observationB);
//
// What a scenario sees (ctx):
//   actor(name, {bearer, origin, token, plugins})
//                           the official better-auth/client (with these client plugins) and a tracing customFetchImpl; by default a browser-like
//                           device with a cookie jar (sends its cookies, and an Origin on writes, keeps Set-Cookie); with
//                           {bearer: true} an app that keeps no cookies and sends no Origin, but keeps every
//                           set-auth-token and sends it back as Authorization: Bearer (fetchOptions.auth), as Better
//                           Auth's bearer docs set the client up; it sends its page's Origin on writes (an app on a
//                           trusted origin) unless {origin: false}. {token} starts it with a given token.
//   raw(actor, method, path, {json, headers, body})
//                           one request outside the client (actor null: no cookies, no Origin), traced the same way;
//                           answers {status, headers, body (parsed JSON, text or null)}.
//   uniqueEmail(label)      a fresh mixed-case address per call (aliased in the observation, so the sides compare).
//   expect(condition, message), expectOk({data, error}, what)
//                           a scenario first proves it did what it says; a failed expectation fails the scenario.
//
// What is observed, per exchange: actor, method, path (relative to the auth base, with its query), status, the parsed
// body, the headers of HEADERS, and each Set-Cookie as {name, value class, attributes}; plus the scenario's result.
// Normalisation (per scenario, on each side alike):
//   - ids (members id, userId, …) and tokens (token, the bodies of signed values) get aliases <id:1>, <token:2> in
//     order of first appearance (object members visited in sorted order), so identity relations survive; a value
//     that is not 32 characters of [A-Za-z0-9] (Better Auth's generateId) carries its shape: <id:1 (36 chars of …)>;
//   - the scenario's e-mail addresses become <email:N> (as sent) or <email:N:lower> (lower-cased by the server);
//   - ISO dates (and Date objects) become a DateDelta: seconds from the moment the answer arrived; two compare equal
//     within DATE_TOLERANCE_SECONDS; iat/exp/nbf claims likewise;
//   - the cookie cache (session_data, its chunks joined) is decoded as its strategy wrote it: compact (signature
//     checked with the secret), jwt (HS256, verified; or, with jwt({ sessionCookieCache: true }), an asymmetric
//     session-cache JWT verified against the server's /jwks with its typ, aud, iss, sub and sid checked) or jwe
//     (decrypted with Better Auth's symmetricDecodeJWT) and its contents normalised like a body (epoch-millisecond
//     updatedAt/expiresAt as date deltas); a chunk's own value is "chunk", the joined cache the entry's `sessionData`;
//   - multi-session's device cookies (`…_multi-<token in lower case>`) are named with their token's alias;
//   - a signed value (better-call's `value.base64(HMAC-SHA256)`) becomes signed(<alias>) once its signature is
//     verified with the secret (a bad one: signed(BAD SIGNATURE)); a JWT is decoded and its signature verified, never
//     compared: HS256 with the secret, any other algorithm with jose against the server's own GET /jwks (fetched once
//     after the scenario, untraced, when its trace holds such a JWT); JWK key material (x, y, n) is aliased;
//   - a loopback origin (http://127.0.0.1:<port>, http://localhost:<port>) at the start of a string becomes <origin>
//     (the jwt plugin's iss and aud are the server's base URL);
//   - the reason phrase the client copies into its errors (statusText) is transport and left out (TRANSPORT_MEMBERS).
// diff() compares member by member, the member order of JSON bodies included (Better Auth's wire order), and
// answers [{where, a, b}] with `where` like `POST /sign-in/email #2 body.user.email` (what documented-options.json's
// path regexes match).

import { createHmac, timingSafeEqual } from "node:crypto";
import { createAuthClient } from "better-auth/client";
import { symmetricDecodeJWT } from "better-auth/crypto";
import { createLocalJWKSet, jwtVerify } from "jose";

export const REQUEST_TIMEOUT_MS = 30_000;
export const DATE_TOLERANCE_SECONDS = 10;
/** The answer headers observed (lower case); others (date, content-length, connection, vary, …) are transport. */
export const HEADERS = ["content-type", "cache-control", "access-control-expose-headers", "set-auth-token",
  "set-auth-jwt", "location", "clear-site-data", "retry-after", "www-authenticate"];
const ID_KEYS = new Set(["id", "userId", "impersonatedBy", "sub", "kid", "accountId", "jti"]);
const TOKEN_KEYS = new Set(["token", "sid", "sessionToken"]);
const DATE_CLAIMS = new Set(["iat", "exp", "nbf"]);
/** Dates as epoch milliseconds (the cookie cache's updatedAt and compact expiresAt). */
const MILLISECOND_DATES = new Set(["updatedAt", "expiresAt"]);
/** The cookie cache: `<prefix>.session_data`, or one chunk of it `<prefix>.session_data.<n>` (a value over ~4 KB). */
const SESSION_DATA = /(^|\.)session_data(\.(\d+))?$/;
/** multi-session's device cookie: `<session cookie name>_multi-<the session token in lower case>`. */
const MULTI_SESSION_COOKIE = /^(.*_multi-)(.+)$/;
/** A JWK's key material (random per server): aliased like tokens. */
const KEY_MATERIAL = new Set(["x", "y", "n", "d"]);
/** A server's own origin (iss, aud, URLs in bodies): the two servers listen on different ports. */
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(?=\/|$)/;
/**
 * The client's copy of the HTTP reason phrase in its error objects ({status, statusText, …}): transport, not observed.
 * The container writes it (Payara's Grizzly says "CUSTOM" for 422, Tomcat sends none, HTTP/2 has none) and RFC 9110
 * §15 tells clients to ignore it; the status code is compared.
 */
const TRANSPORT_MEMBERS = new Set(["statusText"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The client's auth base: a bare origin gets Better Auth's /api/auth; a URL with a path (a WAR) gets it too. */
export function authBaseOf(base) {
  const trimmed = base.replace(/\/+$/, "");
  return trimmed.endsWith("/api/auth") ? trimmed : `${trimmed}/api/auth`;
}

/** A failed expectation of a scenario (its own success check), as opposed to a difference between the sides. */
export class ScenarioFailure extends Error {}

/** A date as seconds from the moment its answer arrived; compares within DATE_TOLERANCE_SECONDS. */
export class DateDelta {
  constructor(seconds) {
    this.seconds = seconds;
  }

  toString() {
    const s = Math.round(this.seconds);
    return `date(now${s < 0 ? "-" : "+"}${Math.abs(s)}s)`;
  }

  toJSON() {
    return this.toString();
  }
}

/** One run of one scenario against one server: its actors, its trace, its generated e-mail addresses. */
export class Context {
  constructor({ base, secret, side, runId }) {
    this.side = side;
    this.secret = secret;
    this.authBase = authBaseOf(base);
    this.authPath = new URL(this.authBase).pathname;
    this.origin = new URL(this.authBase).origin;
    this.runId = runId;
    this.trace = [];
    this.emails = [];
    this.actors = new Map();
  }

  uniqueEmail(label = "user") {
    const email = `Diff-${label}-${this.runId}-${this.emails.length + 1}@Example.com`;
    this.emails.push(email);
    return email;
  }

  expect(condition, message) {
    if (!condition) throw new ScenarioFailure(message);
  }

  /** A client call's {data, error} must have succeeded; answers data. */
  expectOk(answer, what) {
    this.expect(answer && answer.error == null, `${what} failed: ${JSON.stringify(answer?.error)}`);
    return answer.data;
  }

  /** A client call's {data, error} must have failed with this status; answers the error. */
  expectError(answer, status, what) {
    this.expect(answer?.error?.status === status,
      `${what}: expected error ${status}, got ${JSON.stringify(answer?.error ?? answer?.data)}`);
    return answer.error;
  }

  actor(name, { bearer = false, token, origin = true, plugins = [] } = {}) {
    if (this.actors.has(name)) throw new Error(`actor ${name} exists`);
    const actor = bearer ? this.bearerActor(name, token, origin, plugins) : this.cookieActor(name, plugins);
    this.actors.set(name, actor);
    return actor;
  }

  cookieActor(name, plugins) {
    const jar = new Map();
    const actor = { name, jar, kind: "cookie" };
    actor.fetch = async (input, init = {}) => {
      const headers = new Headers(init.headers);
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
      if (cookie) headers.set("cookie", cookie);
      else headers.delete("cookie");
      const method = (init.method || "GET").toUpperCase();
      if (method !== "GET" && method !== "HEAD" && !headers.has("origin")) headers.set("origin", this.origin);
      const response = await this.tracedFetch(name, input, { ...init, headers });
      for (const line of response.headers.getSetCookie()) {
        const { name: cookieName, value, attributes } = parseSetCookie(line);
        const maxAge = attributes["max-age"];
        if (maxAge !== undefined && Number.parseInt(maxAge, 10) <= 0) jar.delete(cookieName);
        else jar.set(cookieName, value);
      }
      return response;
    };
    actor.client = createAuthClient({ baseURL: this.authBase, plugins,
      fetchOptions: { customFetchImpl: actor.fetch } });
    return actor;
  }

  bearerActor(name, token, origin, plugins) {
    const actor = { name, token, kind: "bearer" };
    actor.fetch = async (input, init = {}) => {
      const headers = new Headers(init.headers);
      headers.delete("cookie");
      const method = (init.method || "GET").toUpperCase();
      if (origin && method !== "GET" && method !== "HEAD" && !headers.has("origin")) headers.set("origin", this.origin);
      return this.tracedFetch(name, input, { ...init, headers });
    };
    actor.client = createAuthClient({ baseURL: this.authBase, plugins, fetchOptions: {
      customFetchImpl: actor.fetch,
      auth: { type: "Bearer", token: () => actor.token },
      onSuccess: (ctx) => {
        const authToken = ctx.response.headers.get("set-auth-token");
        if (authToken) actor.token = authToken;
      },
    } });
    return actor;
  }

  /** One request outside the client; through the actor's fetch (its cookies or nothing) or a bare one. */
  async raw(actor, method, path, { json, headers = {}, body } = {}) {
    const init = { method, headers: new Headers(headers) };
    if (json !== undefined) {
      init.body = JSON.stringify(json);
      if (!init.headers.has("content-type")) init.headers.set("content-type", "application/json");
    } else if (body !== undefined) {
      init.body = body;
    }
    if (actor?.kind === "bearer" && actor.token && !init.headers.has("authorization")) {
      init.headers.set("authorization", `Bearer ${actor.token}`);
    }
    const url = `${this.authBase}${path}`;
    const response = actor ? await actor.fetch(url, init) : await this.tracedFetch("raw", url, init);
    return { status: response.status, headers: response.headers, body: parseBody(await response.text()) };
  }

  async tracedFetch(actorName, input, init) {
    const response = await fetch(input, {
      ...init,
      redirect: "manual",
      signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const at = Date.now();
    const url = new URL(String(input));
    const path = url.pathname.startsWith(this.authPath) ? url.pathname.slice(this.authPath.length) : url.pathname;
    const headers = {};
    for (const h of HEADERS) {
      const v = response.headers.get(h);
      if (v !== null) headers[h] = v;
    }
    const auth = new Headers(init.headers).get("authorization");
    this.trace.push({
      actor: actorName,
      method: (init.method || "GET").toUpperCase(),
      path: path + url.search,
      sent: { cookie: new Headers(init.headers).has("cookie"), authorization: auth ? auth.split(" ")[0] : null },
      status: response.status,
      headers,
      cookies: response.headers.getSetCookie().map(parseSetCookie),
      body: parseBody(await response.clone().text()),
      at,
    });
    return response;
  }
}

export function parseBody(text) {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return { text };
  }
}

/** A Set-Cookie line: its name, raw value and attributes (lower-case names; flags as true). */
export function parseSetCookie(line) {
  const [pair, ...rest] = line.split(";");
  const eq = pair.indexOf("=");
  const attributes = {};
  for (const a of rest) {
    const i = a.indexOf("=");
    const key = (i < 0 ? a : a.slice(0, i)).trim().toLowerCase();
    if (key) attributes[key] = i < 0 ? true : a.slice(i + 1).trim();
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes };
}

// ===================================================================================================== normalise

/** The per-scenario aliases: the same value always gets the same alias, a new value the next number of its kind. */
class Aliases {
  constructor(emails) {
    this.values = new Map();
    this.counters = new Map();
    emails.forEach((e, i) => {
      this.values.set(e, `<email:${i + 1}>`);
      if (e.toLowerCase() !== e) this.values.set(e.toLowerCase(), `<email:${i + 1}:lower>`);
    });
  }

  of(kind, value) {
    if (!this.values.has(value)) {
      const n = (this.counters.get(kind) || 0) + 1;
      this.counters.set(kind, n);
      this.values.set(value, `<${kind}:${n}${shape(value)}>`);
    }
    return this.values.get(value);
  }

  known(value) {
    return this.values.get(value);
  }
}

/**
 * The shape of a generated value when it is not Better Auth's (32 characters of [A-Za-z0-9], generateId's): its
 * length and character classes, so an id or token of another format is a difference although it is aliased.
 */
function shape(value) {
  if (/^[A-Za-z0-9]{32}$/.test(value)) return "";
  // random base64url (key material) may or may not hold a - or _: its class, not its characters
  if (/^[A-Za-z0-9_-]{33,}$/.test(value)) return ` (${value.length} chars of base64url)`;
  const classes = [/[a-z]/.test(value) && "a-z", /[A-Z]/.test(value) && "A-Z", /[0-9]/.test(value) && "0-9",
    ...new Set(value.replace(/[A-Za-z0-9]/g, ""))].filter(Boolean).join("");
  return ` (${value.length} chars of ${classes})`;
}

/** better-call's signature of a value: base64 (with padding) of HMAC-SHA256 with the secret. */
function signatureOf(value, secret) {
  return createHmac("sha256", secret).update(value).digest("base64");
}

function safeEqual(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function base64urlJson(part) {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Normalises one side's observation ({trace, result, resultAt}) with the context it ran in (its secret and e-mail
 * addresses): the aliases, date deltas and value classes of the header comment. Answers {trace, result}.
 */
export function normalise(observation, { secret, emails }, verifiedJwts = new Map(), decrypted = new Map()) {
  const aliases = new Aliases(emails);
  const n = new Normaliser(aliases, secret, verifiedJwts, decrypted);
  const trace = observation.trace.map((e) => ({
    actor: e.actor,
    method: e.method,
    path: n.text(e.path, e.at),
    sent: e.sent,
    status: e.status,
    headers: Object.fromEntries(Object.entries(e.headers).map(([k, v]) =>
      [k, k === "set-auth-token" ? n.valueClass(v) : n.string(v, k, e.at)])),
    ...n.cookies(e.cookies, e.at),
    body: n.walk(e.body, undefined, e.at),
  }));
  return { trace, result: n.walk(observation.result, undefined, observation.resultAt) };
}

function safeDecode(value) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

class Normaliser {
  constructor(aliases, secret, verifiedJwts, decrypted) {
    this.aliases = aliases;
    this.secret = secret;
    this.verifiedJwts = verifiedJwts;
    this.decrypted = decrypted;
  }

  date(d, at) {
    return Number.isNaN(d.getTime()) ? "date(invalid)" : new DateDelta((d.getTime() - at) / 1000);
  }

  /**
   * The Set-Cookie lines of one answer, as {cookies} sorted by normalised name, plus {sessionData}: the cookie cache
   * the answer set, decoded (chunks joined). The value of a cookie is normalised before its name, and multi-session's
   * device cookies last, so the name of a device cookie finds its token's alias (the value is the signed token).
   */
  cookies(cookies, at) {
    const device = (c) => MULTI_SESSION_COOKIE.test(c.name);
    const ordered = [...cookies.filter((c) => !device(c)).sort((a, b) => a.name.localeCompare(b.name)),
      ...cookies.filter(device)];
    const out = ordered.map((c) => {
      const raw = safeDecode(c.value);
      const cache = SESSION_DATA.exec(c.name);
      let value;
      if (cache && raw !== "") value = cache[3] === undefined ? this.sessionData(raw, at) : "chunk";
      else value = this.valueClass(raw);
      return {
        name: this.cookieName(c.name),
        value,
        attributes: Object.fromEntries(Object.keys(c.attributes).sort().map((k) =>
          [k, k === "expires" ? this.date(new Date(c.attributes[k]), at) : c.attributes[k]])),
      };
    }).sort((a, b) => a.name.localeCompare(b.name));
    const chunks = cookies.map((c) => ({ c, m: SESSION_DATA.exec(c.name) }))
      .filter(({ c, m }) => m && m[3] !== undefined && c.value !== "")
      .sort((a, b) => Number(a.m[3]) - Number(b.m[3]));
    return chunks.length
      ? { cookies: out, sessionData: this.sessionData(chunks.map(({ c }) => safeDecode(c.value)).join(""), at) }
      : { cookies: out };
  }

  /** A device cookie's name with its (lower-cased) token aliased: `…_multi-<token:2:lower>`. */
  cookieName(name) {
    const m = MULTI_SESSION_COOKIE.exec(name);
    if (!m) return name;
    for (const [value, alias] of this.aliases.values) {
      if (alias.startsWith("<token:") && value.toLowerCase() === m[2]) return `${m[1]}${alias.replace(/>$/, ":lower>")}`;
    }
    return `${m[1]}${this.aliases.of("unknown-token", m[2])}`;
  }

  /**
   * A cookie cache value decoded as its strategy writes it: compact (base64url JSON {session, expiresAt, signature},
   * the signature checked with the secret), jwt (an HS256 JWT, verified; or the jwt plugin's session-cache JWT,
   * verified beforehand against /jwks, see verifyAgainstJwks) or jwe (decrypted beforehand with Better Auth's own
   * symmetricDecodeJWT, see decryptSessionData).
   */
  sessionData(v, at) {
    const parts = v.split(".");
    if (parts.length === 5) {
      const claims = this.decrypted.get(v);
      return { jwe: claims === undefined ? "UNDECRYPTABLE" : this.walk(claims, undefined, at) };
    }
    if (parts.length === 3 && base64urlJson(parts[0])?.alg) return this.jwt(v, at);
    const compact = base64urlJson(v);
    if (!compact || typeof compact !== "object") return `undecodable(${v.length})`;
    const { signature, ...rest } = compact;
    const expected = compact.session && compact.expiresAt !== undefined
      ? createHmac("sha256", this.secret).update(JSON.stringify({ ...compact.session, expiresAt: compact.expiresAt }))
        .digest("base64url")
      : undefined;
    return { compact: { ...this.walk(rest, undefined, at),
      signature: typeof signature === "string" && expected && safeEqual(expected, signature) ? "verified" : "INVALID" } };
  }

  /** A path or other text: known values inside it (a token in a query) are replaced. */
  text(s, at) {
    let out = s;
    for (const [value, alias] of this.aliases.values) {
      if (value.length >= 8) out = out.split(value).join(alias);
      if (value.length >= 8) out = out.split(encodeURIComponent(value)).join(alias);
    }
    return out;
  }

  /** The class of a cookie value or token: empty, signed(<alias>), jwt{…}, a known alias, or opaque(length). */
  valueClass(v) {
    if (v === "" || v === undefined || v === null) return "empty";
    const dot = v.lastIndexOf(".");
    if (dot > 0 && v.length - dot - 1 === 44 && v.endsWith("=")) {
      const body = v.slice(0, dot);
      if (!safeEqual(signatureOf(body, this.secret), v.slice(dot + 1))) return "signed(BAD SIGNATURE)";
      return `signed(${body === "true" || body === "false" ? body : this.aliases.of("token", body)})`;
    }
    const known = this.aliases.known(v);
    if (known) return known;
    if (JWT.test(v) && base64urlJson(v.split(".")[0])?.alg) return this.jwt(v, Date.now());
    return `opaque(${v.length})`;
  }

  jwt(v, at) {
    const [h, p, s] = v.split(".");
    const header = base64urlJson(h);
    const payload = base64urlJson(p);
    let signature = this.verifiedJwts.get(v) ?? `unverified (${header.alg})`;
    if (header.alg === "HS256") {
      const expected = createHmac("sha256", this.secret).update(`${h}.${p}`).digest("base64url");
      signature = safeEqual(expected, s) ? "verified" : "INVALID";
    }
    return { jwt: { header: this.walk(header, undefined, at), payload: this.walk(payload, undefined, at), signature } };
  }

  walk(value, key, at) {
    if (value instanceof Date) return this.date(value, at);
    if (value === null || value === undefined || typeof value === "boolean") return value;
    if (typeof value === "number") {
      if (DATE_CLAIMS.has(key)) return new DateDelta(value - at / 1000);
      return MILLISECOND_DATES.has(key) && value > 1e12 ? new DateDelta((value - at) / 1000) : value;
    }
    if (typeof value === "string") return this.string(value, key, at);
    if (Array.isArray(value)) return value.map((v) => this.walk(v, key, at));
    if (typeof value === "object") {
      // aliases are handed out in sorted member order (a different member order must not rename values), the
      // members are kept in their wire order (diff() compares it)
      const keys = Object.keys(value).filter((k) => !(TRANSPORT_MEMBERS.has(k) && typeof value.status === "number"));
      const done = {};
      for (const k of [...keys].sort()) done[k] = this.walk(value[k], k, at);
      return Object.fromEntries(keys.map((k) => [k, done[k]]));
    }
    return String(value);
  }

  string(s, key, at) {
    const known = this.aliases.known(s);
    if (known) return known;
    if (ID_KEYS.has(key)) return this.aliases.of("id", s);
    if (KEY_MATERIAL.has(key)) return this.aliases.of("key", s);
    if (TOKEN_KEYS.has(key)) {
      const cls = this.valueClass(s);
      return cls.startsWith?.("opaque") ? this.aliases.of("token", s) : cls;
    }
    if (ISO_DATE.test(s)) return this.date(new Date(s), at);
    if (JWT.test(s) && base64urlJson(s.split(".")[0])?.alg) return this.jwt(s, at);
    return s.replace(LOOPBACK_ORIGIN, "<origin>");
  }
}

// ========================================================================================================== diff

function describe(v) {
  if (v === undefined) return "(absent)";
  if (v instanceof DateDelta) return v.toString();
  return JSON.stringify(v);
}

/** The member path of a trace entry, for humans and documented-options.json: `POST /sign-in/email #2`. */
function entryLabel(e, i) {
  return `${e.method} ${e.path} #${i + 1}`;
}

/**
 * The differences between two normalised observations: [{where, a, b}] (a and b rendered for humans). Trace
 * entries are compared in order; a trace of another length is one difference too.
 */
export function diff(a, b) {
  const out = [];
  const n = Math.max(a.trace.length, b.trace.length);
  for (let i = 0; i < n; i++) {
    const x = a.trace[i];
    const y = b.trace[i];
    if (!x || !y) {
      out.push({ where: `trace #${i + 1}`, a: x ? entryLabel(x, i) : "(no request)", b: y ? entryLabel(y, i) : "(no request)" });
      continue;
    }
    const label = entryLabel(x, i);
    if (x.method !== y.method || x.path !== y.path) {
      out.push({ where: `trace #${i + 1} request`, a: label, b: entryLabel(y, i) });
      continue;
    }
    for (const member of ["actor", "sent", "status", "headers", "cookies", "sessionData", "body"]) {
      compare(x[member], y[member], `${label} ${member}`, out);
    }
  }
  compare(a.result, b.result, "result", out);
  return out;
}

function compare(x, y, where, out) {
  if (x instanceof DateDelta && y instanceof DateDelta) {
    if (Math.abs(x.seconds - y.seconds) > DATE_TOLERANCE_SECONDS) out.push({ where, a: describe(x), b: describe(y) });
    return;
  }
  const isObject = (v) => v !== null && typeof v === "object" && !(v instanceof DateDelta);
  if (Array.isArray(x) && Array.isArray(y)) {
    if (x.length !== y.length) out.push({ where: `${where}.length`, a: String(x.length), b: String(y.length) });
    for (let i = 0; i < Math.min(x.length, y.length); i++) compare(x[i], y[i], `${where}[${i}]`, out);
    return;
  }
  if (isObject(x) && isObject(y) && !Array.isArray(x) && !Array.isArray(y)) {
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    for (const k of new Set([...kx, ...ky])) compare(x[k], y[k], `${where}.${k}`, out);
    const common = (keys, other) => keys.filter((k) => other.includes(k));
    if (common(kx, ky).join() !== common(ky, kx).join()) {
      out.push({ where: `${where} (member order)`, a: common(kx, ky).join(","), b: common(ky, kx).join(",") });
    }
    return;
  }
  if (describe(x) !== describe(y)) out.push({ where, a: describe(x), b: describe(y) });
}

/**
 * The entry of documented-options.json that covers a difference of this profile and scenario, if any: its `path`
 * regex matches `<scenario>: <where>`, and its optional `reference`/`tested` regexes match the two rendered values.
 */
export function documentedBy(options, profile, scenario, difference) {
  const subject = `${scenario}: ${difference.where}`;
  return options.find((o) => o.profile === profile && new RegExp(o.path).test(subject)
    && (o.reference === undefined || new RegExp(o.reference).test(difference.a))
    && (o.tested === undefined || new RegExp(o.tested).test(difference.b)));
}

/** A JWT's algorithm is asymmetric (verified against /jwks): anything but HS256 (and not a JWT at all). */
function isAsymmetricJwt(v) {
  return JWT.test(v) && !["HS256", undefined].includes(base64urlJson(v.split(".")[0])?.alg);
}

/** The cookie cache values an answer of the trace set: a whole session_data cookie, and its chunks joined. */
function sessionDataValues(entry) {
  const chunks = entry.cookies.map((c) => ({ c, m: SESSION_DATA.exec(c.name) })).filter(({ c, m }) => m && c.value !== "");
  return [
    ...chunks.filter(({ m }) => m[3] === undefined).map(({ c }) => safeDecode(c.value)),
    chunks.filter(({ m }) => m[3] !== undefined).sort((a, b) => Number(a.m[3]) - Number(b.m[3]))
      .map(({ c }) => safeDecode(c.value)).join(""),
  ].filter((v) => v !== "");
}

/**
 * Every JWT string of a trace whose algorithm is not HS256: in headers and bodies (the jwt plugin's tokens), and as
 * a cookie cache (jwt({ sessionCookieCache: true })'s session-cache JWT, chunks joined). Answers token → "cache" for
 * a cookie cache, "token" otherwise.
 */
function asymmetricJwts(trace) {
  const found = new Map();
  const visit = (v) => {
    if (typeof v === "string") {
      if (isAsymmetricJwt(v)) found.set(v, "token");
    } else if (v && typeof v === "object") {
      Object.values(v).forEach(visit);
    }
  };
  trace.forEach((e) => visit([e.headers, e.body]));
  for (const e of trace) {
    for (const v of sessionDataValues(e)) if (isAsymmetricJwt(v)) found.set(v, "cache");
  }
  return found;
}

/** Better Auth 1.7's session-cache JWT (cookies/jwt.mjs): its typ and audience. */
export const SESSION_CACHE_JWT_TYPE = "better-auth.session-cache+jwt";
export const SESSION_CACHE_JWT_AUDIENCE = "better-auth:session-cache";

/**
 * Each asymmetric JWT of the trace → "verified" | "INVALID (…)", with jose against the server's GET /jwks
 * (untraced). A cookie cache is checked as Better Auth's verifySessionCookieJwtWithJwks checks it: typ
 * better-auth.session-cache+jwt, aud better-auth:session-cache, a non-empty iss, sub the cached user's id and sid
 * the cached session's token.
 */
async function verifyAgainstJwks(ctx) {
  const jwts = asymmetricJwts(ctx.trace);
  const results = new Map();
  if (!jwts.size) return results;
  const answer = await fetch(`${ctx.authBase}/jwks`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const keys = answer.ok ? createLocalJWKSet(await answer.json()) : null;
  for (const [token, kind] of jwts) {
    try {
      if (!keys) throw new Error(`GET /jwks answered ${answer.status}`);
      if (kind === "cache") {
        const { payload } = await jwtVerify(token, keys, { clockTolerance: 60, typ: SESSION_CACHE_JWT_TYPE,
          audience: SESSION_CACHE_JWT_AUDIENCE });
        if (typeof payload.iss !== "string" || !payload.iss) throw new Error("no iss");
        if (typeof payload.sub !== "string" || payload.sub !== payload.user?.id) throw new Error("sub is not user.id");
        if (typeof payload.sid !== "string" || payload.sid !== payload.session?.token) {
          throw new Error("sid is not session.token");
        }
      } else {
        await jwtVerify(token, keys, { clockTolerance: 60 });
      }
      results.set(token, "verified");
    } catch (e) {
      results.set(token, `INVALID (${e.code || e.message})`);
    }
  }
  return results;
}

/** Every cookie cache value of the trace (chunks joined) that is a JWE → its claims, decrypted as Better Auth does. */
async function decryptSessionData(ctx) {
  const out = new Map();
  for (const e of ctx.trace) {
    const values = sessionDataValues(e).filter((v) => v.split(".").length === 5);
    for (const v of values) {
      try {
        const claims = await symmetricDecodeJWT(v, ctx.secret, "better-auth-session");
        if (claims) out.set(v, claims);
      } catch {
        // left out: normalised as UNDECRYPTABLE
      }
    }
  }
  return out;
}

/** Runs a scenario on one server; answers {observation (normalised)} or {failure}. */
export async function runOn(scenario, { base, secret, side, runId }) {
  const ctx = new Context({ base, secret, side, runId });
  try {
    const result = await scenario.run(ctx);
    const resultAt = Date.now();
    const verified = await verifyAgainstJwks(ctx);
    const decrypted = await decryptSessionData(ctx);
    return { observation: normalise({ trace: ctx.trace, result, resultAt }, ctx, verified, decrypted) };
  } catch (e) {
    return { failure: e instanceof ScenarioFailure ? e.message : (e?.stack || String(e)), trace: ctx.trace };
  }
}
