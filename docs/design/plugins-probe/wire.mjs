// Drives a Node Better Auth 1.7.25 with bearer, jwt, admin and multi-session through auth.handler (memory adapter)
// and prints what each request answers (wire.out); writes vec.json for Check.java.
// Run from a directory whose node_modules come from src/test/node/package-lock.json.
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { bearer, jwt, admin, multiSession } from "better-auth/plugins";
import { symmetricEncrypt, symmetricDecrypt } from "better-auth/crypto";
import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { createHash } from "node:crypto";
const SECRET = "plan-probe-secret-0123456789abcdef0123";
const BASE = "http://127.0.0.1:3000";
const db = { user: [], session: [], account: [], verification: [], jwks: [] };
const auth = betterAuth({ secret: SECRET, baseURL: BASE, database: memoryAdapter(db), emailAndPassword: { enabled: true },
  plugins: [bearer(), jwt(), admin(), multiSession({ maximumSessions: 2 })], telemetry: { enabled: false }, logger: { level: "error" } });
const out = (t, v) => console.log(`\n### ${t}\n` + (typeof v === "string" ? v : JSON.stringify(v, null, 1)));
async function call(auth, method, path, { body, headers = {}, jar } = {}) {
  const h = new Headers({ origin: BASE, ...headers });
  if (body) h.set("content-type", "application/json");
  if (jar && jar.size) h.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
  const res = await auth.handler(new Request(BASE + "/api/auth" + path, { method, headers: h, body: body ? JSON.stringify(body) : undefined }));
  const text = await res.text();
  const sc = res.headers.getSetCookie();
  if (jar) for (const line of sc) { const [nv] = line.split(";"); const i = nv.indexOf("="); const k = nv.slice(0, i), v = nv.slice(i + 1);
    if (/Max-Age=0/i.test(line)) jar.delete(k); else jar.set(k, v); }
  const hdrs = {}; for (const [k, v] of res.headers) if (k !== "set-cookie") hdrs[k] = v;
  return { status: res.status, headers: hdrs, setCookie: sc, body: text };
}
const show = (t, r) => out(t, `${r.status} ${JSON.stringify(r.headers)}\nSet-Cookie:\n  ${r.setCookie.join("\n  ")}\nbody: ${r.body.slice(0, 1500)}`);
const decode = (jwt) => jwt.split(".").slice(0, 2).map((p) => JSON.parse(Buffer.from(p, "base64url")));
// bearer
let r = await call(auth, "POST", "/sign-up/email", { body: { email: "a@x.io", password: "password-123", name: "A" } });
show("sign-up A (no cookies sent)", r);
const authToken = r.headers["set-auth-token"];
const rawToken = decodeURIComponent(authToken).split(".")[0];
r = await call(auth, "GET", "/get-session", { headers: { authorization: "Bearer " + authToken } }); show("get-session bearer signed", r);
r = await call(auth, "GET", "/get-session", { headers: { authorization: "bearer " + rawToken } }); show("get-session bearer raw (lowercase scheme)", r);
r = await call(auth, "GET", "/get-session", { headers: { authorization: "Bearer " + rawToken + ".AAAA" } }); show("get-session bearer tampered", r);
r = await call(auth, "GET", "/token", { headers: { authorization: "Bearer " + authToken } }); show("/token", r);
const tok = JSON.parse(r.body).token; out("/token decoded", decode(tok));
const firstToken = tok;
r = await call(auth, "GET", "/token"); show("/token without session", r);
r = await call(auth, "GET", "/jwks"); show("/jwks", r);
out("jwks row", db.jwks[0]);
// vec.json for Check.java: the public x, a /token JWT, the stored private-key hex and the secret.
(await import("node:fs")).writeFileSync("vec.json", JSON.stringify({ x: JSON.parse(r.body).keys[0].x, token: firstToken,
  priv: JSON.parse(db.jwks[0].privateKey), secret: SECRET }));
out("set-auth-jwt decoded", decode((await call(auth, "GET", "/get-session", { headers: { authorization: "Bearer " + authToken } })).headers["set-auth-jwt"]));
// crypto vectors
const key32 = createHash("sha256").update(SECRET).digest();
const nonce = Buffer.alloc(24, 7); const plain = '{"kty":"OKP","crv":"Ed25519"}';
const ct = Buffer.from(xchacha20poly1305(key32, nonce).encrypt(Buffer.from(plain)));
const hex = Buffer.concat([nonce, ct]).toString("hex");
out("xchacha vector", { secret: SECRET, nonceHex: nonce.toString("hex"), plaintext: plain, storedHex: hex, betterAuthDecrypts: await symmetricDecrypt({ key: SECRET, data: hex }) });
const ring = { keys: new Map([[2, "second-secret-0123456789abcdef0123456"], [1, SECRET]]), currentVersion: 2 };
const env = await symmetricEncrypt({ key: ring, data: "hello" }); out("envelope form with versioned secrets", env);
// sign-out with bearer only
r = await call(auth, "POST", "/sign-out", { headers: { authorization: "Bearer " + authToken, origin: "" } }); show("sign-out bearer only", r);
r = await call(auth, "GET", "/get-session", { headers: { authorization: "Bearer " + authToken } }); show("get-session after bearer sign-out", r);
// multi-session in one browser jar
const jar = new Map();
r = await call(auth, "POST", "/sign-in/email", { body: { email: "a@x.io", password: "password-123" }, jar }); show("sign-in A (browser)", r);
r = await call(auth, "POST", "/sign-up/email", { body: { email: "b@x.io", password: "password-123", name: "B" }, jar }); show("sign-up B same browser", r);
r = await call(auth, "POST", "/sign-up/email", { body: { email: "c@x.io", password: "password-123", name: "C" }, jar }); show("sign-up C same browser (max 2)", r);
r = await call(auth, "GET", "/multi-session/list-device-sessions", { jar }); show("list-device-sessions", r);
const aSess = JSON.parse(r.body).find((s) => s.user.email === "a@x.io");
r = await call(auth, "POST", "/multi-session/set-active", { body: { sessionToken: aSess.session.token }, jar }); show("set-active A", r);
r = await call(auth, "POST", "/multi-session/set-active", { body: { sessionToken: "nope" }, jar }); show("set-active unknown", r);
r = await call(auth, "POST", "/multi-session/revoke", { body: { sessionToken: aSess.session.token }, jar }); show("revoke A (active)", r);
r = await call(auth, "POST", "/sign-in/email", { body: { email: "a@x.io", password: "password-123" }, jar }); show("sign-in A again", r);
r = await call(auth, "POST", "/sign-out", { jar }); show("sign-out browser", r);
// admin
const ajar = new Map(), ujar = new Map();
r = await call(auth, "POST", "/sign-up/email", { body: { email: "admin@x.io", password: "password-123", name: "Adm" }, jar: ajar });
const adminId = JSON.parse(r.body).user.id; out("user row after sign-up (role?)", db.user.find((u) => u.id === adminId));
r = await call(auth, "POST", "/sign-in/email", { body: { email: "b@x.io", password: "password-123" }, jar: ujar });
const bId = JSON.parse(r.body).user.id;
r = await call(auth, "POST", "/admin/list-user-sessions", { body: { userId: bId }, jar: ajar }); show("list-user-sessions as role user", r);
r = await call(auth, "POST", "/admin/list-user-sessions", { body: { userId: bId } }); show("list-user-sessions no session", r);
db.user.find((u) => u.id === adminId).role = "admin";
r = await call(auth, "POST", "/admin/list-user-sessions", { body: { userId: bId }, jar: ajar }); show("list-user-sessions as admin", r);
r = await call(auth, "POST", "/admin/list-user-sessions", { body: {}, jar: ajar }); show("list-user-sessions missing userId", r);
r = await call(auth, "POST", "/admin/impersonate-user", { body: { userId: bId }, jar: ajar }); show("impersonate B", r);
r = await call(auth, "GET", "/list-sessions", { jar: ujar }); show("B's own list-sessions (impersonation hidden)", r);
r = await call(auth, "POST", "/admin/impersonate-user", { body: { userId: adminId }, jar: ajar }); show("impersonate while impersonating (admin target)", r);
r = await call(auth, "POST", "/admin/stop-impersonating", { jar: ajar }); show("stop-impersonating", r);
r = await call(auth, "POST", "/admin/stop-impersonating", { jar: ajar }); show("stop-impersonating when not", r);
r = await call(auth, "POST", "/admin/ban-user", { body: { userId: adminId }, jar: ajar }); show("ban self", r);
r = await call(auth, "POST", "/admin/ban-user", { body: { userId: bId, banReason: "spam", banExpiresIn: 60 }, jar: ajar }); show("ban B 60s", r);
r = await call(auth, "GET", "/get-session", { jar: ujar }); show("B get-session after ban", r);
r = await call(auth, "POST", "/sign-in/email", { body: { email: "b@x.io", password: "password-123" } }); show("B sign-in while banned", r);
db.user.find((u) => u.id === bId).banExpires = new Date(Date.now() - 1000);
r = await call(auth, "POST", "/sign-in/email", { body: { email: "b@x.io", password: "password-123" } }); show("B sign-in after banExpires", r);
out("B row", db.user.find((u) => u.id === bId));
r = await call(auth, "POST", "/admin/unban-user", { body: { userId: bId }, jar: ajar }); show("unban B", r);
r = await call(auth, "POST", "/admin/revoke-user-sessions", { body: { userId: bId }, jar: ajar }); show("revoke-user-sessions", r);
r = await call(auth, "POST", "/admin/revoke-user-session", { body: { sessionToken: "does-not-exist" }, jar: ajar }); show("revoke-user-session unknown token", r);
r = await call(auth, "POST", "/admin/ban-user", { body: { userId: "nope" }, jar: ajar }); show("ban unknown user", r);
// session cookie cache JWT
const db2 = { user: [], session: [], account: [], verification: [], jwks: [] };
const auth2 = betterAuth({ secret: SECRET, baseURL: BASE, database: memoryAdapter(db2), emailAndPassword: { enabled: true },
  session: { cookieCache: { enabled: true, strategy: "jwt", maxAge: 300 } },
  plugins: [jwt({ sessionCookieCache: true })], telemetry: { enabled: false }, logger: { level: "error" } });
const j2 = new Map();
r = await call(auth2, "POST", "/sign-up/email", { body: { email: "c@x.io", password: "password-123", name: "C" }, jar: j2 }); show("session-cache sign-up", r);
out("session_data decoded", decode(decodeURIComponent(j2.get("better-auth.session_data"))));
try { betterAuth({ secret: SECRET, baseURL: BASE, database: memoryAdapter({}), plugins: [jwt({ sessionCookieCache: true })], logger: { level: "error" } }).$context.then(() => out("no-strategy", "started"), (e) => out("no-strategy start error", String(e))); } catch (e) { out("no-strategy start error (sync)", String(e)); }
await new Promise((r) => setTimeout(r, 200));
