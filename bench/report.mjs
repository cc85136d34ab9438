// Turns one bench/run result directory (results.tsv, jmh-*.csv, machine.txt) into the Markdown tables of
// BENCHMARKS.md: per case the mean over rounds, Java/Node ratios, the share of the bare endpoint, the targets.
//   node bench/report.mjs /tmp/bench-build/results/<run>
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2];
const read = (f) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), "utf8") : "");
const out = [];
const p = (s = "") => out.push(s);

const machine = read("machine.txt").trim();
if (machine) {
  p("```");
  p(machine);
  p("```");
  p();
}

const tsv = read("results.tsv").trim().split(/\r?\n/);
const header = tsv.shift()?.split("\t") ?? [];
const rows = tsv.filter(Boolean).map((l) => Object.fromEntries(l.split("\t").map((v, i) => [header[i], v])));
const key = (r) => `${r.group}|${r.case}|${r.server}`;
const agg = new Map();
for (const r of rows) {
  if (!agg.has(key(r))) agg.set(key(r), []);
  agg.get(key(r)).push(r);
}
const mean = (rs, f) => rs.reduce((a, r) => a + Number(r[f]), 0) / rs.length;
const stat = (group, kase, server) => {
  const rs = agg.get(`${group}|${kase}|${server}`);
  if (!rs) return undefined;
  return {
    n: rs.length,
    rps: mean(rs, "rps"),
    p50: mean(rs, "p50_ms"),
    p99: mean(rs, "p99_ms"),
    cpu: mean(rs, "cpu_us_per_req"),
    db: mean(rs, "db_cpu_us_per_req"),
    other: mean(rs, "other_cpu_pct"),
    nojit: rs[0].cpu_no_jit_us_per_req === undefined ? undefined : mean(rs, "cpu_no_jit_us_per_req"),
    bad: rs.reduce((a, r) => a + Number(r.non2xx) + Number(r.errors), 0),
    spread: rs.length > 1 ? (Math.max(...rs.map((r) => +r.rps)) / Math.min(...rs.map((r) => +r.rps)) - 1) * 100 : 0,
  };
};
const f0 = (x) => (x === undefined ? "" : Math.round(x).toLocaleString("en-US"));
const f2 = (x) => (x === undefined ? "" : x < 10 ? x.toFixed(2) : x.toFixed(1));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : "");

const order = [];
for (const r of rows) if (!order.includes(`${r.group}|${r.case}`)) order.push(`${r.group}|${r.case}`);

if (rows.length) {
  p("| group | case | server | req/s | p50 ms | p99 ms | CPU µs/req | … without JIT threads | PostgreSQL CPU µs/req | Java/Node req/s | Node/Java CPU | % of bare | other CPU % | errors |");
  p("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const gc of order) {
    const [group, kase] = gc.split("|");
    const bare = stat(group, "bare", "java");
    for (const server of ["java", "node"]) {
      const s = stat(group, kase, server);
      if (!s) continue;
      const other = stat(group, kase, server === "java" ? "node" : "java");
      const rounds = s.n > 1 ? ` (${s.n} rounds, ±${s.spread.toFixed(0)} %)` : "";
      p(`| ${group} | ${kase}${rounds} | ${server} | ${f0(s.rps)} | ${f2(s.p50)} | ${f2(s.p99)} | ${f2(s.cpu)} | ${server === "java" ? f2(s.nojit) : ""} | ${f2(s.db)} | `
        + `${server === "java" && other ? ratio(s.rps, other.rps) : ""} | `
        + `${server === "java" && other ? ratio(other.cpu, s.cpu) : ""} | `
        + `${server === "java" && bare && kase !== "bare" && group !== "scale" ? (100 * s.rps / bare.rps).toFixed(0) + " %" : ""} | ${Math.round(s.other)} | ${s.bad} |`);
    }
  }
  p();
  p("Targets:");
  p();
  const check = (ok) => (ok ? "met" : "**missed**");
  for (const g of ["compact", "jwt", "jwe", "redis", "db"]) {
    const bare = stat(g, "bare", "java");
    const gs = stat(g, "get-session", "java");
    const pr = stat(g, "protected", "java");
    if (!bare || !gs) continue;
    const cache = ["compact", "jwt", "jwe"].includes(g);
    p(`- ${g}: get-session ${(100 * gs.rps / bare.rps).toFixed(0)} % of bare${cache ? ` (target ≥ 70 %: ${check(gs.rps >= 0.7 * bare.rps)})` : ""}; `
      + `protected ${pr ? (100 * pr.rps / bare.rps).toFixed(0) : "?"} % of bare${pr ? ` (target ≥ 70 %: ${check(pr.rps >= 0.7 * bare.rps)})` : ""}`);
  }
  for (const [g, kase] of [["db", "get-session"], ["redis", "get-session"], ["compact", "get-session"], ["jwt", "get-session"],
    ["jwe", "get-session"], ["scale", "get-session-1e3"], ["scale", "get-session-1e6"]]) {
    const j = stat(g, kase, "java");
    const n = stat(g, kase, "node");
    if (j && n) p(`- ${g} ${kase}: ${(j.rps / n.rps).toFixed(2)}× Node's req/s, ${(n.cpu / j.cpu).toFixed(2)}× less CPU per request (target ≥ 10×: ${check(j.rps >= 10 * n.rps)})`);
  }
  const s3 = stat("scale", "get-session-1e3", "java");
  const s6 = stat("scale", "get-session-1e6", "java");
  if (s3 && s6) {
    p(`- scale: get-session p99 ${f2(s6.p99)} ms at 10^6 rows vs ${f2(s3.p99)} ms at 10^3 (${((s6.p99 / s3.p99 - 1) * 100).toFixed(0)} %; target within 20 %: ${check(s6.p99 <= 1.2 * s3.p99)}); `
      + `p50 ${f2(s6.p50)} vs ${f2(s3.p50)} ms`);
  }
  p();
}

const csv = (f) => read(f).trim().split(/\r?\n/).filter(Boolean).slice(1).map((l) => l.split(",").map((v) => v.replace(/^"|"$/g, "")));
const jmh = [...csv("jmh-hot.csv"), ...csv("jmh-scrypt.csv")];
if (jmh.length) {
  p("| JMH benchmark | param | mode | score | ± (99.9 %) | unit |");
  p("|---|---|---|---:|---:|---|");
  for (const [name, mode, , , score, err, unit, param] of jmh) {
    const short = name.replace(/^io\.betterauth\.jakarta\.jmh\./, "");
    const nf = (x) => (Number(x) >= 100 ? Math.round(Number(x)).toLocaleString("en-US") : Number(x).toFixed(2));
    p(`| ${short} | ${param ?? ""} | ${mode} | ${nf(score)} | ${nf(err)} | ${unit} |`);
  }
  p();
}
console.log(out.join("\n"));
