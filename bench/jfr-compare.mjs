#!/usr/bin/env node
// Compares two JFR recordings of the same server under two cases (e.g. bench/run profile's profile-<group>-bare.jfr
// and profile-<group>-get-session.jfr): for every method, the execution samples whose stack holds it, as a share of
// each recording's samples, and the difference, largest first. Where the second case spends its extra time.
//   node bench/jfr-compare.mjs A.jfr B.jfr [N] [ROOT]
// ROOT (optional): count only the frames below the deepest frame containing ROOT (e.g. AuthResource.getSession).
import { execFileSync } from "node:child_process";

const [a, b, n = "40", root = ""] = process.argv.slice(2);
if (!a || !b) {
  console.error("usage: node bench/jfr-compare.mjs A.jfr B.jfr [N] [ROOT]");
  process.exit(2);
}

function shares(file) {
  const text = execFileSync("jfr", ["print", "--events", "jdk.ExecutionSample", "--stack-depth", "128", file],
    { maxBuffer: 1 << 30, encoding: "utf8" });
  const counts = new Map();
  let samples = 0;
  for (const event of text.split("jdk.ExecutionSample {").slice(1)) {
    const frames = [...event.matchAll(/^ {4}(\S+?)\(/gm)].map((m) => m[1]);
    let top = frames.length;
    if (root) {
      const i = frames.findLastIndex((f) => f.includes(root));
      if (i < 0) continue;
      top = i + 1;
    }
    samples++;
    for (const f of new Set(frames.slice(0, top))) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  return { samples, share: (f) => (samples ? (100 * (counts.get(f) ?? 0)) / samples : 0), frames: counts.keys() };
}

const A = shares(a), B = shares(b);
const all = new Set([...A.frames, ...B.frames]);
const rows = [...all].map((f) => [f, A.share(f), B.share(f)]).sort((x, y) => (y[2] - y[1]) - (x[2] - x[1]));
console.log(`${A.samples} samples in ${a}; ${B.samples} in ${b}${root ? ` (below ${root})` : ""}`);
console.log("   A %    B %  B - A  method");
for (const [f, x, y] of rows.slice(0, Number(n))) {
  console.log(`${x.toFixed(1).padStart(6)} ${y.toFixed(1).padStart(6)} ${(y - x >= 0 ? "+" : "") + (y - x).toFixed(1).padStart(5)}  ${f}`);
}
