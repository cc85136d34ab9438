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
    sys: rs[0].sys_us_per_req === undefined ? undefined : mean(rs, "sys_us_per_req"),
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
  p("| group | case | server | req/s | p50 ms | p99 ms | CPU µs/req | … without JIT threads | … in the kernel | PostgreSQL CPU µs/req | Java/Node req/s | Node/Java CPU | % of bare | other CPU % | errors |");
  p("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const gc of order) {
    const [group, kase] = gc.split("|");
    const bare = stat(group, "bare", "java");
    for (const server of ["java", "node"]) {
      const s = stat(group, kase, server);
      if (!s) continue;
      const other = stat(group, kase, server === "java" ? "node" : "java");
      const rounds = s.n > 1 ? ` (${s.n} rounds, ±${s.spread.toFixed(0)} %)` : "";
      p(`| ${group} | ${kase}${rounds} | ${server} | ${f0(s.rps)} | ${f2(s.p50)} | ${f2(s.p99)} | ${f2(s.cpu)} | ${server === "java" ? f2(s.nojit) : ""} | ${f2(s.sys)} | ${f2(s.db)} | `
        + `${server === "java" && other ? ratio(s.rps, other.rps) : ""} | `
        + `${server === "java" && other ? ratio(other.cpu, s.cpu) : ""} | `
        + `${server === "java" && bare && kase !== "bare" && group !== "scale" ? (100 * s.rps / bare.rps).toFixed(0) + " %" : ""} | ${Math.round(s.other)} | ${s.bad} |`);
    }
  }
  p();
  p("Targets (issue 20):");
  p();
  const check = (ok) => (ok ? "met" : "**missed**");
  // the share of the bare endpoint each path must reach, for get-session and the protected resource alike
  const shareTarget = { db: 60, "db-url": 60, redis: 70, compact: 85, jwt: 85, jwe: 85 };
  for (const [g, target] of Object.entries(shareTarget)) {
    const bare = stat(g, "bare", "java");
    const gs = stat(g, "get-session", "java");
    const pr = stat(g, "protected", "java");
    if (!bare || !gs) continue;
    const share = (s) => `${(100 * s.rps / bare.rps).toFixed(0)} % of bare (target ≥ ${target} %: ${check(s.rps >= target / 100 * bare.rps)})`;
    p(`- ${g}: get-session ${share(gs)}; protected ${pr ? share(pr) : "not measured"}`);
  }
  // against Node: 10× the req/s where 10× Node is below this group's bare endpoint (above it no library work can
  // reach it), and 5× less CPU per request on every path but sign-in, whose target is Node's own req/s
  const pairs = order.filter((gc) => stat(...gc.split("|"), "java") && stat(...gc.split("|"), "node"));
  for (const gc of pairs) {
    const [g, kase] = gc.split("|");
    const j = stat(g, kase, "java");
    const n = stat(g, kase, "node");
    const head = `- ${g} ${kase}: ${(j.rps / n.rps).toFixed(2)}× Node's req/s, ${(n.cpu / j.cpu).toFixed(2)}× less CPU per request`;
    if (kase === "sign-in") {
      p(`${head} (target ≥ 1.0× Node's req/s: ${check(j.rps >= n.rps)})`);
      continue;
    }
    const bare = stat(g === "scale" ? "db" : g, "bare", "java");
    let rps = "";
    if (kase.startsWith("get-session")) {
      rps = !bare ? "; 10× req/s: no bare endpoint measured"
        : 10 * n.rps < bare.rps ? `; 10× req/s (${f0(10 * n.rps)}, below bare's ${f0(bare.rps)}): ${check(j.rps >= 10 * n.rps)}`
          : `; 10× req/s (${f0(10 * n.rps)}) is above bare's ${f0(bare.rps)}: not applicable`;
    }
    p(`${head} (target ≥ 5× less CPU: ${check(n.cpu >= 5 * j.cpu)}${rps})`);
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
const memory = read("memory.tsv").trim().split(/\r?\n/).filter(Boolean).slice(1).map((l) => l.split("\t"));
if (memory.length) {
  p("| memory: structure | entries (n, then 2n) | bytes retained per entry | entry |");
  p("|---|---:|---:|---|");
  for (const [structure, n, bytes, entry] of memory) p(`| ${structure} | ${f0(+n)} | ${f0(+bytes)} | ${entry} |`);
  p();
}
console.log(out.join("\n"));
