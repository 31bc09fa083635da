// Where the time of a 10,000-file batch goes, thread by thread: a Chromium
// trace (CPU profiles of the page, the parsing worker and the file reader)
// of the 10k spec's drop, summarised per thread: busy time after the drop,
// busy ms per 250 ms, and the functions with the most time (self and
// inclusive). Function names need a wasm that keeps them: FILING_WASM_NAMES=1
// makes the build's wasm-opt keep them (-g) and its names' step keep the
// `name` section (scripts/wasm-opt.mjs); build into another directory and
// point FILING_DIST at it, e.g.
//   FILING_WASM_NAMES=1 trunk build --release --offline --locked --public-url ./ --dist /tmp/dist-names
//   FILING_DIST=/tmp/dist-names node tests/bench/trace-batch.mjs
// TOTAL (10000) sets the batch's size; the trace is kept in tests/artifacts/batch.trace.json,
// and ANALYZE=1 summarises that file again without running the batch.
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, CHROMIUM, serveDist } from '../support/harness.mjs';
import { corpusXml, dispatchDrop, fictionalBatch, prepareDrop, waitForBatch } from '../support/batch.mjs';
const TRACE = join(ARTIFACTS, 'batch.trace.json');
const TOTAL = Number(process.env.TOTAL ?? 10000);
const set = corpusXml() ?? fictionalBatch(6);
let buf;
if (process.env.ANALYZE) buf = readFileSync(TRACE, 'utf8'); else {
const server = await serveDist({});
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.waitForSelector('[data-test=paste-area]');
await prepareDrop(page, set, { total: TOTAL });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'toplevel', 'v8', '__metadata'] });
await page.evaluate(() => { window.__t0 = performance.now(); });
await dispatchDrop(page);
await waitForBatch(page, { timeout: 540000 });
await page.waitForTimeout(200);
const buf = await browser.stopTracing();
const timing = await page.evaluate(() => ({ ...document.querySelector('[data-test=batch-timing]').dataset }));
await browser.close(); await server.close();
mkdirSync(ARTIFACTS, { recursive: true });
writeFileSync(TRACE, buf);
console.log(JSON.stringify(timing));
}
const events = JSON.parse(buf).traceEvents ?? JSON.parse(buf);
const threads = new Map();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
// CPU profiles
const profs = new Map();
for (const e of events) {
  if (e.name === 'Profile') profs.set(`${e.pid}:${e.id}`, { key: `${e.pid}:${e.tid}`, start: e.args.data.startTime, nodes: new Map(), parent: new Map(), samples: [] , t: e.args.data.startTime});
  if (e.name === 'ProfileChunk') {
    const p = profs.get(`${e.pid}:${e.id}`); if (!p) continue;
    const cp = e.args.data.cpuProfile ?? {};
    for (const n of cp.nodes ?? []) { p.nodes.set(n.id, n); if (n.parent) p.parent.set(n.id, n.parent); }
    const td = e.args.data.timeDeltas ?? [];
    (cp.samples ?? []).forEach((s, i) => { p.t += td[i]; p.samples.push([p.t, s]); });
  }
}
// find drop time: first sample time of main thread after t0? use first RunTask containing EventDispatch 'drop'
let dropTs = null;
for (const e of events) if (e.name === 'EventDispatch' && e.args?.data?.type === 'drop') dropTs = e.ts;
console.log('drop at', dropTs);
const name = (n) => n.callFrame.functionName || `(anon ${(n.callFrame.url??'').split('/').pop()}:${n.callFrame.lineNumber})`;
for (const p of profs.values()) {
  const tn = threads.get(p.key) ?? p.key;
  const idleN = (id) => ['(idle)', '(program)', '(root)'].includes(name(p.nodes.get(id)));
  let busy = 0; const self = new Map(), incl = new Map(); const bins = new Map();
  for (let i = 0; i < p.samples.length; i++) {
    const [ts, id] = p.samples[i]; const dt = (p.samples[i + 1]?.[0] ?? ts) - ts;
    if (dropTs && ts < dropTs) continue;
    if (idleN(id)) continue;
    busy += dt;
    const st = []; for (let x = id; x !== undefined; x = p.parent.get(x)) st.push(name(p.nodes.get(x)));
    self.set(st[0], (self.get(st[0]) ?? 0) + dt);
    for (const f of new Set(st)) incl.set(f, (incl.get(f) ?? 0) + dt);
    const b = Math.floor((ts - dropTs) / 250000); bins.set(b, (bins.get(b) ?? 0) + dt);
  }
  if (busy < 50000) continue;
  console.log(`\n######## ${tn}  busy ${(busy / 1000).toFixed(0)} ms`);
  console.log('bins(ms busy per 250ms):', [...bins].sort((a, b) => a[0] - b[0]).map(([b, v]) => `${b}:${(v / 1000).toFixed(0)}`).join(' '));
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, v]) => `${(v / 1000).toFixed(1).padStart(8)}  ${f.slice(0, 140)}`).join('\n');
  console.log('-- self\n' + top(self, Number(process.env.SELF ?? 30)) + '\n-- inclusive\n' + top(incl, Number(process.env.INCL ?? 50)));
}
