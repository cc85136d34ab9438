// Records what Better Auth 1.7.25's matchesOriginPattern answers for trusted-origin patterns (exact, wildcard,
// IPv4-range and custom-scheme ones) against URLs and Origin values, so OriginCheck can be checked against it
// (src/test/resources/vectors/origin-patterns-better-auth-1.7.25.json):
//
//   cd src/test/node && node origin-pattern-vectors.mjs > ../resources/vectors/origin-patterns-better-auth-1.7.25.json
//
// Every pattern is paired with every URL. Left out, as deliberate differences: patterns with capitals (OriginCheck
// compares hosts without case, where Better Auth's wildcard never matches a capital in a pattern) and hosts that
// WHATWG URL accepts but java.net.URI refuses (e.g. "https://a*b.example.com"), which are never trusted here.

import { matchesOriginPattern } from "./node_modules/better-auth/dist/auth/trusted-origins.mjs";

const patterns = [
  "https://trusted.example", "https://trusted.example:8443", "*.my-site.com", "https://*.preview.example",
  "https://*.*.example.com", "?.example.com", "localhost:*", "http://localhost:*", "https://**", "*",
  "https://*.example.com/", "https://a\\*b.example.com", "192.168.*.*", "http://192.168.*.*:*", "10.*",
  "myapp://", "myapp://callback", "myapp://host/cb", "myapp://*/cb/*", "myapp://host/cb*", "myapp://*",
  "exp://192.168.*.*:*/**", "exp://*", "myapp:/", "myapp://host/**/done",
];
const urls = [
  "https://trusted.example", "https://trusted.example/path?q=1", "https://trusted.example:443",
  "https://trusted.example:8443", "http://trusted.example", "https://TRUSTED.example",
  "https://user:pw@trusted.example", "https://a.my-site.com", "https://a.b.my-site.com", "https://my-site.com",
  "https://a.my-site.com:8443", "http://a.my-site.com/x", "https://evil.com?.my-site.com",
  "https://a.my-site.com.evil.com", "https://a.my-site.com#.evil.com", "https://pr-1.preview.example",
  "https://x.y.preview.example", "http://pr-1.preview.example", "https://a.b.example.com", "https://a.example.com",
  "https://a.example.com/", "https://x.example.com", "https://ab.example.com",
  "http://localhost:3000", "https://localhost:3000", "http://localhost", "http://192.168.1.5",
  "http://192.168.1.5:3000", "http://192.168.1.256:3000", "http://192.168.evil.com", "http://10.1.2.3",
  "http://10.evil.com", "myapp://callback", "myapp://callback.attacker.tld", "myapp://callback/x",
  "myapp://host/cb", "myapp://host/cb/x", "myapp://host/cbx", "myapp://host/cb/../evil", "myapp://host/cb%2f..%2fevil",
  "myapp://host/cb?x=1", "myapp://host/a/b/done", "myapp://host/done", "myapp://x/cb/y", "myapp://u@x/cb/y",
  "myapp:/local", "MYAPP://callback", "exp://192.168.1.5:8081/--/path", "exp://192.168.attacker.com:8081/",
  "exp://user@192.168.1.5:8081/", "myapp://a.my-site.com/x", "myapp://u@a.my-site.com", "javascript:alert(1)",
  "/relative", "not a url", "",
];

const cases = [];
for (const pattern of patterns) {
  for (const url of urls) {
    cases.push({ pattern, url, trusted: matchesOriginPattern(url, pattern) });
  }
}
// One case per line.
console.log(`{"betterAuth":"1.7.25","cases":[\n${cases.map((c) => JSON.stringify(c)).join(",\n")}\n]}`);
