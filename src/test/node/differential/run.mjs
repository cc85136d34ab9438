// Runs the differential harness for one profile: every scenario of scenarios/*.mjs that applies to the profile, once
// against the reference (a Node Better Auth 1.7.25 with the profile's "node" options) and once against the server
// under test (our server with its "java" properties), then prints each difference of the normalised observations.
//
//   node differential/run.mjs <profile> <reference base URL> <tested base URL>
//   env BETTER_AUTH_SECRET = the secret both servers use (signed values and HS256 JWTs are verified with it)
//
// A base URL is a server's origin (Better Auth's /api/auth is appended) or a deployment's context root (likewise).
// A difference listed in documented-options.json for this profile ({profile, path (a regex over
// "<scenario>: <where>"), option, reason, and optionally reference/tested: regexes over the two rendered values}) is
// printed as documented; any other one, or a scenario that fails its own
// checks on either side, fails the run. The last line is `differential: N scenarios, M differences` (M: the
// undocumented ones); the exit code is 0 only when M is 0. With DIFFERENTIAL_DUMP=<directory> the normalised
// observations are written there too (<profile>.<scenario>.<node|java>.json), to read what was compared.

import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { diff, documentedBy, runOn } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [profileName, referenceBase, testedBase] = process.argv.slice(2);
const secret = process.env.BETTER_AUTH_SECRET;
const profiles = JSON.parse(await readFile(join(here, "profiles.json"), "utf8"));
if (!profileName || !referenceBase || !testedBase || !secret || !profiles[profileName]) {
  console.error("usage: BETTER_AUTH_SECRET=… node differential/run.mjs <profile> <reference base URL> <tested base URL>\n"
    + `profiles: ${Object.keys(profiles).join(", ")}`);
  process.exit(2);
}
const profile = profiles[profileName];
const documented = JSON.parse(await readFile(join(here, "documented-options.json"), "utf8"));
/** The profile's plugin ids ("jwt", or {"id": "admin", "options": {…}}: "admin"). */
const plugins = (profile.node.plugins || []).map((p) => (typeof p === "string" ? p : p.id));

/** The scenarios of every file in scenarios/, those for this profile ("*", or a list naming it or one of its plugins). */
async function scenarios() {
  const all = [];
  for (const file of (await readdir(join(here, "scenarios"))).filter((f) => f.endsWith(".mjs")).sort()) {
    all.push(...(await import(join(here, "scenarios", file))).default);
  }
  return all.filter((s) => s.profiles === "*" || s.profiles.includes(profileName)
    || s.profiles.some((p) => plugins.includes(p)));
}

const RUN = `${Date.now().toString(36)}${process.pid.toString(36)}`;
const sides = { reference: { base: referenceBase, label: "node" }, tested: { base: testedBase, label: "java" } };
console.log(`differential: profile ${profileName} (${profile.description}); reference ${referenceBase}, tested ${testedBase}`);

const overall = setTimeout(() => {
  console.error("differential: FAILED (timed out)");
  process.exit(1);
}, Number(process.env.DIFFERENTIAL_TIMEOUT_SECONDS || 240) * 1000);

let count = 0;
let undocumented = 0;
let documentedCount = 0;
for (const scenario of await scenarios()) {
  count++;
  const a = await runOn(scenario, { base: sides.reference.base, secret, side: "a", runId: `${RUN}a${count}` });
  const b = await runOn(scenario, { base: sides.tested.base, secret, side: "b", runId: `${RUN}b${count}` });
  if (a.failure || b.failure) {
    for (const [side, r] of [[sides.reference, a], [sides.tested, b]]) {
      if (!r.failure) continue;
      undocumented++;
      console.log(`FAIL ${scenario.name}: the scenario failed on ${side.label}: ${r.failure}`);
      for (const e of r.trace) console.log(`    ${e.actor} ${e.method} ${e.path} → ${e.status} ${JSON.stringify(e.body)}`);
    }
    continue;
  }
  if (process.env.DIFFERENTIAL_DUMP) {
    await mkdir(process.env.DIFFERENTIAL_DUMP, { recursive: true });
    for (const [side, r] of [[sides.reference, a], [sides.tested, b]]) {
      const file = `${profileName}.${scenario.name.replace(/[^A-Za-z0-9-]+/g, "_")}.${side.label}.json`;
      await writeFile(join(process.env.DIFFERENTIAL_DUMP, file), JSON.stringify(r.observation, null, 2));
    }
  }
  const differences = diff(a.observation, b.observation);
  for (const d of differences) {
    const option = documentedBy(documented, profileName, scenario.name, d);
    if (option) {
      documentedCount++;
      console.log(`documented ${scenario.name}: ${d.where} (${option.option}: ${option.reason})`);
    } else {
      undocumented++;
      console.log(`DIFF ${scenario.name}: ${d.where}\n    ${sides.reference.label}: ${d.a}\n    ${sides.tested.label}: ${d.b}`);
    }
  }
  console.log(`${differences.length ? "differs" : "same   "} ${scenario.name} (${a.observation.trace.length} requests)`);
}
clearTimeout(overall);
if (documentedCount) console.log(`differential: ${documentedCount} documented differences (documented-options.json)`);
console.log(`differential: ${count} scenarios, ${undocumented} differences`);
process.exit(undocumented ? 1 : 0);
