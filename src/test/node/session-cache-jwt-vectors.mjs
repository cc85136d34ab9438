// Records Better Auth 1.7.25's JWKS-backed session cache (jwt({ sessionCookieCache: true }) with
// session.cookieCache.strategy "jwt"), so the Java codec can be checked against it
// (src/test/resources/vectors/session-cache-jwt-better-auth-1.7.25.json):
//
//   cd src/test/node && node session-cache-jwt-vectors.mjs > ../resources/vectors/session-cache-jwt-better-auth-1.7.25.json
//
// For each key algorithm a Better Auth with the memory adapter signs a user up; the session_data cookie (joined from
// its chunks) is the session-cache JWT, recorded with the jwks row it names and the session token. `new Date()` and
// Date.now() are pinned to NOW, so iat/exp/updatedAt are fixed; keys, ids and (ECDSA, PSS) signatures change on every
// run, which the Java test does not depend on. The user's name holds characters whose JSON escaping differs between
// serialisers. "verifiedByNode" is Better Auth's own get-session with that cookie and the store bypassed: proof that
// the recorded cookie is one Better Auth accepts.
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { jwt } from "better-auth/plugins";

const NOW = Date.parse("2030-01-01T10:20:30.456Z");
const RealDate = Date;
class FixedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(NOW);
    else super(...args);
  }
  static now() {
    return NOW;
  }
}
globalThis.Date = FixedDate;

const SECRET = "session-cache-jwt-vector-secret-0123456789-abcdef";
const BASE = "http://127.0.0.1:3000/some/path";
const NAME = "Zoë \"Q\" 😀 \u2028 </script>";

async function run(keyPairConfig) {
  const db = { user: [], session: [], account: [], verification: [], jwks: [] };
  const auth = betterAuth({
    database: memoryAdapter(db), secret: SECRET, baseURL: BASE, emailAndPassword: { enabled: true },
    session: { cookieCache: { enabled: true, strategy: "jwt", maxAge: 300 } },
    plugins: [jwt({ sessionCookieCache: true, ...(keyPairConfig ? { jwks: { keyPairConfig } } : {}) })],
    telemetry: { enabled: false }, rateLimit: { enabled: false }, logger: { disabled: true },
  });
  const signUp = await auth.api.signUpEmail({
    body: { name: NAME, email: "cache-" + (keyPairConfig?.alg ?? "default").toLowerCase() + "@example.com",
      password: "password-123456" },
    returnHeaders: true,
  });
  const pairs = signUp.headers.getSetCookie().map((l) => l.split(";")[0]);
  const cookie = pairs.join("; ");
  const data = pairs.filter((p) => p.startsWith("better-auth.session_data"))
    .map((p) => [p.slice(0, p.indexOf("=")), decodeURIComponent(p.slice(p.indexOf("=") + 1))]);
  data.sort((a, b) => a[0].localeCompare(b[0], "en", { numeric: true }));
  const sessionData = data.map(([, v]) => v).join("");
  const row = db.jwks[0];
  if (!row || !sessionData) throw new Error(JSON.stringify({ pairs }));
  // Better Auth answering from the cache alone: the session row is gone, so only the cookie can answer.
  const session = db.session[0];
  db.session.length = 0;
  const res = await auth.handler(new Request(BASE + "/get-session", { headers: { cookie } }));
  const verifiedByNode = JSON.parse(await res.text());
  return {
    alg: keyPairConfig?.alg ?? "EdDSA",
    keyPairConfig: keyPairConfig ?? null,
    row: { id: row.id, publicKey: row.publicKey, privateKey: row.privateKey, createdAt: row.createdAt.toISOString(),
      alg: row.alg, crv: row.crv ?? null },
    sessionToken: session.token,
    userId: session.userId,
    chunks: data.length,
    sessionData,
    verifiedByNode,
  };
}

const keys = [];
for (const cfg of [undefined, { alg: "ES256", crv: "P-256" }, { alg: "ES512", crv: "P-521" }, { alg: "RS256" },
  { alg: "PS256" }]) {
  keys.push(await run(cfg));
}
console.log(JSON.stringify({ betterAuth: "1.7.25", now: new Date().toISOString(), secret: SECRET, baseURL: BASE,
  name: NAME, keys }, null, 1));
