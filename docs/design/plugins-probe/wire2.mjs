// Node Better Auth 1.7.25: the JWK formats of every algorithm, rotation and grace, a second secret on the same
// jwks table, bearer edge cases and requireSignature, adminUserIds, list-users and set-role (output: wire2.out).
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { bearer, jwt, admin, multiSession } from "better-auth/plugins";
const SECRET = "plan-probe-secret-0123456789abcdef0123", BASE = "http://127.0.0.1:3000";
const out = (t, v) => console.log(`\n### ${t}\n` + (typeof v === "string" ? v : JSON.stringify(v)));
async function call(auth, method, path, { body, headers = {} } = {}) {
  const h = new Headers({ origin: BASE, ...headers }); if (body) h.set("content-type", "application/json");
  const res = await auth.handler(new Request(BASE + "/api/auth" + path, { method, headers: h, body: body ? JSON.stringify(body) : undefined }));
  const hd = {}; for (const [k, v] of res.headers) if (k !== "set-cookie") hd[k] = v;
  return { status: res.status, headers: hd, setCookie: res.headers.getSetCookie(), body: await res.text() };
}
const mk = (db, plugins, extra = {}) => betterAuth({ secret: SECRET, baseURL: BASE, database: memoryAdapter(db), emailAndPassword: { enabled: true }, plugins, telemetry: { enabled: false }, logger: { level: "error" }, ...extra });
const dec = (t) => t.split(".").slice(0, 2).map((p) => JSON.parse(Buffer.from(p, "base64url")));
for (const kp of [{ alg: "ES256" }, { alg: "ES512" }, { alg: "RS256" }, { alg: "PS256", modulusLength: 2048 }, { alg: "EdDSA", crv: "Ed25519" }]) {
  const db = { user: [], session: [], account: [], verification: [], jwks: [] };
  const a = mk(db, [bearer(), jwt({ jwks: { keyPairConfig: kp } })]);
  const r = await call(a, "POST", "/sign-up/email", { body: { email: "a@x.io", password: "password-123", name: "A" } });
  const t = JSON.parse((await call(a, "GET", "/token", { headers: { authorization: "Bearer " + r.headers["set-auth-token"] } })).body).token;
  const row = db.jwks[0];
  out(`alg ${kp.alg}`, { header: dec(t)[0], jwksKey: JSON.parse((await call(a, "GET", "/jwks")).body).keys[0], row: { alg: row.alg, crv: row.crv ?? null, publicKeyMembers: Object.keys(JSON.parse(row.publicKey)) } });
}
// rotation + grace
{ const db = { user: [], session: [], account: [], verification: [], jwks: [] };
  const a = mk(db, [bearer(), jwt({ jwks: { rotationInterval: 60, gracePeriod: 120 } })]);
  const r = await call(a, "POST", "/sign-up/email", { body: { email: "a@x.io", password: "password-123", name: "A" } });
  const auth = { authorization: "Bearer " + r.headers["set-auth-token"] };
  await call(a, "GET", "/token", { headers: auth });
  out("row with rotationInterval 60", { createdAt: db.jwks[0].createdAt, expiresAt: db.jwks[0].expiresAt });
  db.jwks[0].expiresAt = new Date(Date.now() - 1000);
  const t2 = JSON.parse((await call(a, "GET", "/token", { headers: auth })).body).token;
  out("after expiry: rows, kid used, /jwks kids", { rows: db.jwks.length, kid: dec(t2)[0].kid, newest: db.jwks[1]?.id, jwks: JSON.parse((await call(a, "GET", "/jwks")).body).keys.map((k) => k.kid) });
  db.jwks[0].expiresAt = new Date(Date.now() - 121000);
  out("expired beyond grace: /jwks kids", JSON.parse((await call(a, "GET", "/jwks")).body).keys.map((k) => k.kid));
  // another secret on the same table
  const b = mk(db, [bearer(), jwt()], { secret: "another-secret-0123456789abcdef012345" });
  const r2 = await call(b, "POST", "/sign-up/email", { body: { email: "b@x.io", password: "password-123", name: "B" } });
  const tk = await call(b, "GET", "/token", { headers: { authorization: "Bearer " + r2.headers["set-auth-token"] } });
  out("/token with a different secret on the same jwks table", tk.status + " " + tk.body);
}
// bearer edge cases, requireSignature, adminUserIds
{ const db = { user: [], session: [], account: [], verification: [], jwks: [] };
  const a = mk(db, [bearer({ requireSignature: true }), admin({ adminUserIds: ["will-be-set"] })]);
  const r = await call(a, "POST", "/sign-up/email", { body: { email: "a@x.io", password: "password-123", name: "A" } });
  const signed = r.headers["set-auth-token"], raw = signed.split(".")[0];
  const gs = async (h) => { const x = await call(a, "GET", "/get-session", { headers: h }); return x.status + " " + (x.body === "null" ? "null" : "session"); };
  out("requireSignature raw", await gs({ authorization: "Bearer " + raw }));
  out("requireSignature signed", await gs({ authorization: "Bearer " + signed }));
  out("percent-encoded signed", await gs({ authorization: "Bearer " + encodeURIComponent(signed) }));
  out("scheme BEARER uppercase", await gs({ authorization: "BEARER " + signed }));
  out("garbage with dots", await gs({ authorization: "Bearer a.b.c" }));
  out("bad percent", await gs({ authorization: "Bearer %E0%A4%A.x" }));
  out("bearer beats cookie (cookie garbage)", await gs({ authorization: "Bearer " + signed, cookie: "better-auth.session_token=zzz.yyy" }));
  out("invalid bearer falls back to valid cookie", await gs({ authorization: "Bearer x.y", cookie: "better-auth.session_token=" + encodeURIComponent(signed) }));
  const uid = JSON.parse(r.body).user.id;
  const a2 = mk(db, [bearer(), admin({ adminUserIds: [uid] })]);
  const l = await call(a2, "POST", "/admin/list-user-sessions", { body: { userId: uid }, headers: { authorization: "Bearer " + signed } });
  out("adminUserIds with role user: list-user-sessions", l.status + " " + l.body.slice(0, 80));
  const lu = await call(a2, "GET", "/admin/list-users?limit=1", { headers: { authorization: "Bearer " + signed } });
  out("list-users", lu.status + " " + lu.body.slice(0, 300));
  const sr = await call(a2, "POST", "/admin/set-role", { body: { userId: uid, role: ["admin", "user"] }, headers: { authorization: "Bearer " + signed } });
  out("set-role array", sr.status + " " + sr.body.slice(0, 300));
  const sr2 = await call(a2, "POST", "/admin/set-role", { body: { userId: uid, role: "superuser" }, headers: { authorization: "Bearer " + signed } });
  out("set-role unknown", sr2.status + " " + sr2.body);
  const imp = await call(a2, "POST", "/admin/impersonate-user", { body: { userId: uid }, headers: { authorization: "Bearer " + signed } });
  out("impersonate self (admin)", imp.status + " " + imp.body.slice(0, 200));
}
