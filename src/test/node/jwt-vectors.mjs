// Records what Better Auth 1.7.25's jwt plugin stores and signs, so the Java key envelope, key export, JWKS document
// and /token signer can be checked against it (src/test/resources/vectors/jwt-better-auth-1.7.25.json):
//
//   cd src/test/node && node jwt-vectors.mjs > ../resources/vectors/jwt-better-auth-1.7.25.json
//
// For each key algorithm a Better Auth with the memory adapter and jwt({ jwks: { keyPairConfig } }) signs a user up,
// then answers GET /token and GET /jwks; the jwks row is recorded as stored. `new Date()` and Date.now() are pinned
// to NOW, so iat/exp are fixed; keys, ids and (ECDSA, PSS) signatures change on every run, which the Java test does
// not depend on. The envelope cases are Better Auth's own symmetricEncrypt with a plain and a versioned secret, and
// the fixed-nonce XChaCha20-Poly1305 vector of docs/design/plugins.md §2.2.
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { jwt } from "better-auth/plugins";
import { symmetricEncrypt } from "better-auth/crypto";
import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { createHash } from "node:crypto";

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

const SECRET = "jwt-vector-secret-0123456789-abcdefghijklmnop";
const BASE = "http://127.0.0.1:3000/some/path";

async function run(keyPairConfig) {
  const db = { user: [], session: [], account: [], verification: [], jwks: [] };
  const auth = betterAuth({
    database: memoryAdapter(db), secret: SECRET, baseURL: BASE, emailAndPassword: { enabled: true },
    plugins: [jwt(keyPairConfig ? { jwks: { keyPairConfig } } : undefined)],
    telemetry: { enabled: false }, rateLimit: { enabled: false }, logger: { disabled: true },
  });
  const signUp = await auth.api.signUpEmail({
    body: { name: "Zoë \"Q\" 😀", email: "jwt-" + (keyPairConfig?.alg ?? "default").toLowerCase() + "@example.com",
      password: "password-123456" },
    returnHeaders: true,
  });
  const cookie = signUp.headers.getSetCookie().map((l) => l.split(";")[0]).join("; ");
  const call = async (path) => {
    const res = await auth.handler(new Request("http://127.0.0.1:3000/some/path" + path, { headers: { cookie } }));
    return { status: res.status, body: await res.text() };
  };
  const token = await call("/token");
  const jwks = await call("/jwks");
  const row = db.jwks[0];
  if (!row) throw new Error(JSON.stringify({ token, jwks, cookie }));
  return {
    alg: keyPairConfig?.alg ?? "EdDSA",
    keyPairConfig: keyPairConfig ?? null,
    row: { id: row.id, publicKey: row.publicKey, privateKey: row.privateKey, createdAt: row.createdAt.toISOString(),
      alg: row.alg, crv: row.crv ?? null },
    userJson: JSON.stringify(db.user[0] && (await auth.api.getSession({ headers: new Headers({ cookie }) })).user),
    token: JSON.parse(token.body).token,
    jwks: jwks.body,
  };
}

const keys = [];
for (const cfg of [undefined, { alg: "ES256", crv: "P-256" }, { alg: "ES512", crv: "P-521" }, { alg: "RS256" },
  { alg: "PS256" }]) {
  keys.push(await run(cfg));
}
const key32 = createHash("sha256").update(SECRET).digest();
const nonce = Buffer.alloc(24, 7);
const plaintext = '{"kty":"OKP","crv":"Ed25519"}';
const fixedNonce = Buffer.concat([nonce, Buffer.from(xchacha20poly1305(key32, nonce).encrypt(Buffer.from(plaintext)))]);
const ring = { keys: new Map([[2, "second-secret-0123456789abcdef0123456"], [1, SECRET]]), currentVersion: 2,
  legacySecret: "legacy-secret-0123456789abcdef012345678" };
console.log(JSON.stringify({
  betterAuth: "1.7.25",
  now: new Date().toISOString(),
  secret: SECRET,
  baseURL: BASE,
  envelope: {
    fixedNonce: { nonceHex: nonce.toString("hex"), plaintext, storedHex: fixedNonce.toString("hex") },
    plain: { plaintext: "héllo 😀", stored: await symmetricEncrypt({ key: SECRET, data: "héllo 😀" }) },
    versioned: {
      secrets: "2:" + ring.keys.get(2) + ",1:" + ring.keys.get(1), legacySecret: ring.legacySecret,
      current: await symmetricEncrypt({ key: ring, data: "current" }),
      version1: "$ba$1$" + await symmetricEncrypt({ key: SECRET, data: "version one" }),
      legacy: await symmetricEncrypt({ key: ring.legacySecret, data: "legacy bare hex" }),
    },
  },
  keys,
}, null, 1));
