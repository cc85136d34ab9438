// The load test's verdict (bench/run load): reads load.tsv (one line per chunk: requests, req/s, latencies, non-2xx
// answers, socket errors, the heap after a full GC) and prints load.md, a Markdown table and "Result: PASS|FAIL";
// exits 1 on any error, any SEVERE/Exception line in the server log, or a heap that grew by more than the tolerance.
//   node bench/load-report.mjs LOAD_TSV HEAP_TOLERANCE_PCT RSS_MB SERVER_ERROR_LINES
import fs from "node:fs";

const [file, tol, rss, serverErrors] = process.argv.slice(2);
const [head, ...lines] = fs.readFileSync(file, "utf8").trim().split("\n");
const cols = head.split("\t");
const rows = lines.map((l) => Object.fromEntries(l.split("\t").map((v, i) => [cols[i], v])));
const measured = rows.filter((r) => r.chunk !== "0");
const sum = (f) => measured.reduce((a, r) => a + Number(r[f]), 0);
const seconds = sum("seconds");
const max = (f) => Math.max(...measured.map((r) => Number(r[f])));
const heaps = rows.map((r) => Number(r.heap_mb));
const growth = (heaps[heaps.length - 1] / heaps[0] - 1) * 100;
const errors = sum("non2xx") + sum("socket_errors");
const out = [];
out.push(`| | requests | req/s | p50 ms (worst chunk) | p99 ms (worst chunk) |`);
out.push(`|---|---:|---:|---:|---:|`);
for (const [name, k] of [["get-session", "get_session"], ["sign-in", "sign_in"]]) {
  out.push(`| ${name} | ${sum(k + "_requests").toLocaleString("en-US")} | ${(sum(k + "_requests") / seconds).toFixed(1)} | ${max(k + "_p50_ms").toFixed(2)} | ${max(k + "_p99_ms").toFixed(2)} |`);
}
out.push("");
out.push(`Measured: ${measured.length} × ${measured[0].seconds} s after the warm-up. Non-2xx answers: ${sum("non2xx")}; socket errors: ${sum("socket_errors")}; `
  + `SEVERE/Exception lines in the server log: ${serverErrors}.`);
out.push(`Heap in use after a full GC (MB), after the warm-up then after each chunk: ${heaps.join(", ")} `
  + `(last vs first ${growth >= 0 ? "+" : ""}${growth.toFixed(1)} %, tolerance ${tol} %); process RSS at the end ${rss} MB.`);
const ok = errors === 0 && Number(serverErrors) === 0 && growth <= Number(tol);
out.push(`Result: ${ok ? "PASS" : "FAIL"}`);
console.log(out.join("\n"));
process.exit(ok ? 0 : 1);
