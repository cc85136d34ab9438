// The session_token cookies of seeded session rows, signed as better-call signs them (HMAC-SHA256 of the token
// under the secret, base64, URI-encoded): reads row numbers N, one a line, on standard input; the token of row N is
// md5('tok' || N), as bench/lib/clients.sh's seed_sessions writes it. One Cookie header value a line into FILE.
//   printf '%s\n' 1 2 3 | BENCH_SECRET=… node bench/lib/signed-cookies.mjs FILE
import { createHash, createHmac } from "node:crypto";
import fs from "node:fs";

const lines = fs.readFileSync(0, "utf8").trim().split("\n");
const out = lines.map((n) => {
  const token = createHash("md5").update("tok" + n).digest("hex");
  const sig = createHmac("sha256", process.env.BENCH_SECRET).update(token).digest("base64");
  return "better-auth.session_token=" + encodeURIComponent(token + "." + sig);
});
fs.writeFileSync(process.argv[2], out.join("\n") + "\n");
