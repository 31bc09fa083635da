// Browser benchmark (issue 8), on the release build in headless Chromium:
// - the ownership-XML parser inside the wasm over every corpus XML file
//   (or, without the corpus, the repository's XML fixtures): MB/s and files/s,
//   to set against the native bench (`cargo bench -p filing-core --bench xml`,
//   its `model-with-drop` line: the wasm pass also frees what it parsed);
// - the first render of the page from a cold cache (a fresh browser profile):
//   from navigation start until the paste area is in the page.
// It reports numbers and asserts only what was parsed, never a time.
// BENCH_PASSES sets the number of timed passes (default 15; the best and the
// median are reported); NATIVE_MB_S, when given, prints the wasm/native ratio.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DIST, ROOT, corpusAbsent, openApp, serveDist, sharedFile } from '../support/harness.mjs';

const PASSES = Number(process.env.BENCH_PASSES ?? 15);

/** The corpus XML files, or the committed fixtures (said so) when the corpus is absent. */
function xmlTexts() {
  let dir = sharedFile('corpus/xml');
  let label = 'corpus';
  if (!dir) {
    corpusAbsent('corpus/xml');
    dir = join(ROOT, 'crates/core/tests/fixtures/xml/valid');
    label = 'fixtures';
  }
  const names = readdirSync(dir).filter((n) => n.endsWith('.xml')).sort();
  return { label, texts: names.map((n) => readFileSync(join(dir, n), 'utf8')) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('benchmark: XML parsed inside the wasm, and the first render from a cold cache', { timeout: 180_000 }, async () => {
  const { label, texts } = xmlTexts();
  const server = await serveDist({ dir: DIST });
  const app = await openApp(server.url, {
    // Before any script of the page: note when the app's paste area first appears.
    prepare: (page) =>
      page.addInitScript(() => {
        const seen = () => {
          if (window.__firstRender === undefined && document.querySelector('[data-test=paste-area]')) {
            window.__firstRender = performance.now();
            return true;
          }
          return false;
        };
        new MutationObserver((_, observer) => seen() && observer.disconnect()).observe(document, {
          childList: true,
          subtree: true,
        });
      }),
  });
  try {
    const { page } = app;
    const firstRender = await page.evaluate(() => window.__firstRender);
    const navigation = await page.evaluate(() => {
      const [n] = performance.getEntriesByType('navigation');
      return { domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd };
    });
    const result = await page.evaluate(
      ({ texts, passes }) => {
        const wasm = window.wasmBindings;
        const bytes = wasm.benchLoad(texts);
        const filings = wasm.benchParseXml(1); // warm-up
        const times = [];
        for (let i = 0; i < passes; i += 1) {
          const start = performance.now();
          wasm.benchParseXml(1);
          times.push(performance.now() - start);
        }
        wasm.benchLoad([]);
        return { bytes, filings, times };
      },
      { texts, passes: PASSES },
    );
    assert.ok(result.filings >= texts.length * 0.9, `the wasm parsed the files (${result.filings} filings)`);
    const mbs = (ms) => result.bytes / 1e6 / (ms / 1000);
    const best = Math.min(...result.times);
    const mid = median(result.times);
    console.log(`wasm XML parse (${label}: ${texts.length} files, ${result.bytes} bytes, ${result.filings} filings)`);
    console.log(
      `  best of ${PASSES}: ${best.toFixed(1)} ms = ${mbs(best).toFixed(1)} MB/s, ` +
        `${Math.round(texts.length / (best / 1000))} files/s; median ${mid.toFixed(1)} ms = ${mbs(mid).toFixed(1)} MB/s`,
    );
    const native = Number(process.env.NATIVE_MB_S);
    if (native > 0) console.log(`  wasm / native (${native} MB/s): ${(mbs(best) / native).toFixed(2)}`);
    console.log(
      `first render, cold cache: paste area shown at ${firstRender?.toFixed(0)} ms ` +
        `(DOMContentLoaded ${navigation.domContentLoaded.toFixed(0)} ms, load ${navigation.load.toFixed(0)} ms)`,
    );
    assert.ok(firstRender > 0, 'the first render was seen');
    assert.deepEqual(app.problems, [], 'the page logged no error');
  } finally {
    await app.close();
    await server.close();
  }
});
