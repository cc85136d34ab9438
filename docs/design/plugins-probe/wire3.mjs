// Settles the "verify" items of plugins.md: validation-vs-session order, impersonating a banned user, returned:false
// fields in /token, versioned secrets on bearer and cookie, capitalised cookie prefix with multi-session,
// plugin-field order with PostgreSQL.
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { getMigrations } from "better-auth/db/migration";
import { bearer, jwt, admin, multiSession } from "better-auth/plugins";
import { serializeSignedCookie } from "better-call";
import pg from "pg";
const SECRET = "plan-probe-secret-0123456789abcdef0123", BASE = "http://127.0.0.1:3000";
const out = (t, v) => console.log(`\n### ${t}\n` + (typeof v === "string" ? v : JSON.stringify(v)));
async function call(auth, method, path, { body, headers = {}, base = BASE, prefix = "/api/auth" } = {}) {
  const h = new Headers({ origin: BASE, ...headers }); if (body) h.set("content-type", "application/json");
  const res = await auth.handler(new Request(base + prefix + path, { method, headers: h, body: body ? JSON.stringify(body) : undefined }));
  const hd = {}; for (const [k, v] of res.headers) if (k !== "set-cookie") hd[k] = v;
  return { status: res.status, headers: hd, setCookie: res.headers.getSetCookie(), body: await res.text() };
}
const line = (r) => `${r.status} ${JSON.stringify(r.headers)} ${r.body.slice(0, 200)}`;
const dec = (t) => t.split(".").slice(0, 2).map((p) => JSON.parse(Buffer.from(p, "base64url")));
const newDb = () => ({ user: [], session: [], account: [], verification: [], jwks: [] });
const opts = (db, plugins, extra = {}) => ({ secret: SECRET, baseURL: BASE, database: memoryAdapter(db), emailAndPassword: { enabled: true }, plugins, telemetry: { enabled: false }, logger: { level: "error" }, ...extra });
{ const db = newDb();
  const a = betterAuth(opts(db, [bearer(), jwt(), admin()], { user: { additionalFields: { secretNote: { type: "string", required: false, returned: false, input: true } } } }));
  out("admin endpoint, no session, no body", line(await call(a, "POST", "/admin/list-user-sessions", { body: {} })));
  const s = await call(a, "POST", "/sign-up/email", { body: { email: "a@x.io", password: "password-123", name: "A", secretNote: "hidden" } });
  const auth = { authorization: "Bearer " + s.headers["set-auth-token"] };
  out("sign-up body with returned:false field", s.body);
  out("stored user row", db.user.find((u) => u.email === "a@x.io"));
  out("/token payload with returned:false field", dec(JSON.parse((await call(a, "GET", "/token", { headers: auth })).body).token)[1]);
  const t = await call(a, "POST", "/sign-up/email", { body: { email: "t@x.io", password: "password-123", name: "T" } });
  const tid = JSON.parse(t.body).user.id, aid = JSON.parse(s.body).user.id;
  db.user.find((u) => u.id === aid).role = "admin";
  out("admin, no body (validation vs permission)", line(await call(a, "POST", "/admin/list-user-sessions", { body: {}, headers: auth })));
  await call(a, "POST", "/admin/ban-user", { body: { userId: tid }, headers: auth });
  out("impersonate a banned user", line(await call(a, "POST", "/admin/impersonate-user", { body: { userId: tid }, headers: auth })));
}
{ // versioned secrets: a token signed with the old secret
  const db = newDb();
  const old = "old-secret-0123456789abcdef0123456789", neu = "new-secret-0123456789abcdef0123456789";
  const a1 = betterAuth(opts(db, [bearer()], { secret: old }));
  const s = await call(a1, "POST", "/sign-up/email", { body: { email: "v@x.io", password: "password-123", name: "V" } });
  const signedOld = s.headers["set-auth-token"];
  const a2 = betterAuth(opts(db, [bearer()], { secret: undefined, secrets: [{ version: 2, value: neu }, { version: 1, value: old }] }));
  const gs = async (h) => { const r = await call(a2, "GET", "/get-session", { headers: h }); return r.status + " " + (r.body === "null" ? "null" : "session"); };
  out("versioned secrets: cookie signed with the old secret", await gs({ cookie: "better-auth.session_token=" + encodeURIComponent(signedOld) }));
  out("versioned secrets: bearer signed with the old secret", await gs({ authorization: "Bearer " + signedOld }));
  out("versioned secrets: raw bearer", await gs({ authorization: "Bearer " + signedOld.split(".")[0] }));
}
{ // capital cookie prefix + multi-session sign-out
  const db = newDb();
  const a = betterAuth(opts(db, [multiSession()], { advanced: { cookiePrefix: "MyApp" } }));
  const s = await call(a, "POST", "/sign-up/email", { body: { email: "m@x.io", password: "password-123", name: "M" } });
  out("prefix MyApp sign-up cookies", s.setCookie.map((c) => c.split(";")[0].split("=")[0]).join(" | "));
  const cookie = s.setCookie.map((c) => c.split(";")[0]).join("; ");
  const so = await call(a, "POST", "/sign-out", { headers: { cookie } });
  out("prefix MyApp sign-out cookies", so.setCookie.map((c) => c.split(";")[0]).join(" | "));
  out("sessions left after sign-out", db.session.length);
}
{ // PostgreSQL: key order of plugin fields in JSON
  const schema = "plan_plugins_probe3";
  const c = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/test" }); await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); await c.query(`CREATE SCHEMA ${schema}`);
  const pool = new pg.Pool({ connectionString: "postgres://postgres@127.0.0.1:5432/test", options: `-c search_path=${schema}`, max: 2 });
  try {
    const o = { ...opts(newDb(), [bearer(), jwt(), admin(), multiSession()]), database: pool };
    await (await getMigrations(o)).runMigrations();
    const a = betterAuth(o);
    const s = await call(a, "POST", "/sign-up/email", { body: { email: "pg@x.io", password: "password-123", name: "PG" } });
    out("postgres sign-up body (key order)", s.body);
    const g = await call(a, "GET", "/get-session", { headers: { authorization: "Bearer " + s.headers["set-auth-token"] } });
    out("postgres get-session body (key order)", g.body);
    out("postgres /token payload order", Object.keys(dec(g.headers["set-auth-jwt"])[1]).join(","));
    const row = (await pool.query(`select "privateKey", "publicKey", alg, crv from jwks`)).rows[0];
    out("postgres jwks row", { privateKeyStart: row.privateKey.slice(0, 20), publicKey: row.publicKey, alg: row.alg, crv: row.crv });
  } finally { await pool.end(); await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); await c.end(); }
}
