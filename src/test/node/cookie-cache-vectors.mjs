// Records session_data cookies minted by Better Auth 1.7.25 itself for a user whose fields are hard to serialise,
// so the Java cookie-cache codecs can be checked against them byte for byte
// (src/test/resources/vectors/cookie-cache-better-auth-1.7.25.json):
//
//   cd src/test/node && node cookie-cache-vectors.mjs > ../resources/vectors/cookie-cache-better-auth-1.7.25.json
//
// Better Auth runs with its memory adapter and the cookie cache on (maxAge 300). For each case a user signs up through
// auth.api.signUpEmail (rememberMe true) or signs in with rememberMe:false (don't-remember: compact embeds 60 s), and
// every Set-Cookie line is recorded with the session_data value (chunks joined) and what Node itself reads from it:
// the payload JSON as Node re-serialises it and, for compact, the exact signed string. The name and image hold quotes,
// backslashes, control characters, a lone surrogate, U+2028/U+2029, non-ASCII and an emoji; one case carries a
// 9000-character image so the cache is chunked. `new Date()` and Date.now() are pinned to NOW, so everything is
// deterministic apart from ids, tokens and the JWE's IV and jti; regenerating changes those, which the Java test
// does not depend on.

import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { symmetricDecodeJWT } from "better-auth/crypto";
import { base64Url } from "@better-auth/utils/base64";

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

const SECRET = "cookie-cache-vector-secret-0123456789-abcdefghij";
const SHORT_SECRET = "short-secret-16b";
const NAME = "Zoë \"Q\" \\ back\\slash \u0000\u0001\u001f\u007f tab\t nl\n </script>&<b> \u2028\u2029 中文 😀 lone\ud800 end";
const IMAGE = "https://example.com/a?b=1&c=\"2\"/é/😀";

function cookieValue(setCookies, name) {
  const plain = setCookies.find((c) => c.startsWith(name + "="));
  const read = (line) => decodeURIComponent(line.slice(line.indexOf("=") + 1, line.indexOf(";")));
  if (plain) return read(plain);
  return setCookies
    .filter((c) => /^[^=]+\.session_data\.\d+=/.test(c))
    .map((c) => ({ index: Number(c.slice(name.length + 1, c.indexOf("="))), value: read(c) }))
    .sort((a, b) => a.index - b.index)
    .map((c) => c.value)
    .join("");
}

async function run({ label, strategy, secret = SECRET, dontRemember = false, image = IMAGE }) {
  const db = { user: [], session: [], account: [], verification: [] };
  const auth = betterAuth({
    database: memoryAdapter(db),
    secret,
    baseURL: "http://localhost:3000",
    emailAndPassword: { enabled: true },
    session: { cookieCache: { enabled: true, strategy, maxAge: 300 } },
    telemetry: { enabled: false },
    rateLimit: { enabled: false },
    logger: { disabled: true },
  });
  const email = `vector-${label}@example.com`;
  let result = await auth.api.signUpEmail({
    body: { name: NAME, email, password: "password-123456", image },
    returnHeaders: true,
  });
  if (dontRemember) {
    result = await auth.api.signInEmail({
      body: { email, password: "password-123456", rememberMe: false },
      returnHeaders: true,
    });
  }
  const setCookies = result.headers.getSetCookie();
  const name = "better-auth.session_data";
  const value = cookieValue(setCookies, name);
  const out = { label, strategy, secret, dontRemember, setCookies, cookieValue: value };
  if (strategy === "compact") {
    const parsed = JSON.parse(new TextDecoder().decode(base64Url.decode(value)));
    out.sessionDataJson = JSON.stringify(parsed.session);
    out.expiresAt = parsed.expiresAt;
    out.signature = parsed.signature;
    out.signedString = JSON.stringify({ ...parsed.session, expiresAt: parsed.expiresAt });
  } else if (strategy === "jwt") {
    const claims = JSON.parse(new TextDecoder().decode(base64Url.decode(value.split(".")[1])));
    out.claimsJson = JSON.stringify(claims);
    const { iat, exp, ...sessionData } = claims;
    out.sessionDataJson = JSON.stringify(sessionData);
    out.iat = iat;
    out.exp = exp;
  } else {
    const claims = await symmetricDecodeJWT(value, secret, "better-auth-session");
    out.claimsJson = JSON.stringify(claims);
    const { iat, exp, jti, ...sessionData } = claims;
    out.sessionDataJson = JSON.stringify(sessionData);
    out.exp = exp;
  }
  return out;
}

const cases = [];
cases.push(await run({ label: "compact", strategy: "compact" }));
cases.push(await run({ label: "compact-dont-remember", strategy: "compact", dontRemember: true }));
cases.push(await run({ label: "compact-chunked", strategy: "compact", image: "https://example.com/" + "x".repeat(9000) }));
cases.push(await run({ label: "jwt", strategy: "jwt" }));
cases.push(await run({ label: "jwt-short-secret", strategy: "jwt", secret: SHORT_SECRET }));
cases.push(await run({ label: "jwe", strategy: "jwe" }));

process.stdout.write(JSON.stringify({
  note: "Generated by src/test/node/cookie-cache-vectors.mjs with Better Auth's own code; clock pinned to now.",
  betterAuthVersion: "1.7.25",
  now: NOW,
  name: NAME,
  image: IMAGE,
  cases,
}, null, 2) + "\n");
