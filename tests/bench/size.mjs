// The size of the release build (issue 8): the wasm, JS and CSS that dist/
// serves, brotli-compressed. Issue 8's target is 350 KB (350,000 bytes); the
// app is above it today (see README, Performance), so the test command holds
// the line instead: it fails when the app grows past LIMIT, and prints how far
// it is from TARGET. Prints every file of dist/ with its raw and brotli size,
// then the total. Deterministic: brotli at quality
// 11 (node's zlib, no extra install) over the files as built.
//
// Usage: node tests/bench/size.mjs [DIST]   (scripts/test runs it after trunk build)

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

/** Issue 8's target, in bytes of brotli output over the counted files: not met yet. */
export const TARGET = 350_000;
/** What the test command enforces: today's size (396.0 KB at main fafaaeb on 2026-12-08 after the size work took 395.5 KB at 3cf5ae9 to 391.7 KB — the exports nothing names, wasm-streams' three classes among them, dropped before wasm-opt's one pass, scripts/wasm-opt.mjs; the batch view's <Show> as reactive::shown; the reading note, the shortcut list, the rows-left-out note, the batch timing and the pending-totals note as markup — and the night's reader rules added 3.0 KB and the kept session written by serde-wasm-bindgen, one of the project's required packages, 0.8 KB back, the review's accessibility mends and Table II's dollar amounts 0.5 KB more) plus a margin of 1 KB, so the app cannot grow unseen. */
export const LIMIT = 397_000;
/** The kinds of file the budget counts: what the app is made of. */
const COUNTED = new Set(['.wasm', '.js', '.css']);

/** The brotli-compressed size of `bytes` (quality 11, as a static host would pre-compress). */
export function brotliSize(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;
}

/**
 * Every file of `dist` (not its hidden staging folder) with its raw and brotli
 * size, its folders' files too (samples/: the sample filings, fetched when
 * their button is clicked, and not counted, as no .wasm, .js or .css is).
 */
export function measure(dist, folder = '') {
  return readdirSync(join(dist, folder))
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((entry) => {
      const name = folder ? `${folder}/${entry}` : entry;
      if (statSync(join(dist, name)).isDirectory()) return measure(dist, name);
      const bytes = readFileSync(join(dist, name));
      return [{ name, raw: bytes.length, brotli: brotliSize(bytes), counted: COUNTED.has(extname(name)) }];
    });
}

function main() {
  const root = resolve(fileURLToPath(import.meta.url), '../../..');
  const dist = resolve(process.argv[2] ?? join(root, 'dist'));
  const files = measure(dist);
  if (!files.some((f) => f.name.endsWith('.wasm'))) {
    console.error(`size budget: no .wasm in ${dist}: build it first (trunk build --release)`);
    process.exit(1);
  }
  const width = Math.max(...files.map((f) => f.name.length));
  const kb = (n) => `${(n / 1000).toFixed(1).padStart(7)} KB`;
  console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'brotli'.padStart(10)}`);
  for (const f of files) {
    const note = f.counted ? '' : '  (not counted)';
    console.log(`${f.name.padEnd(width)}  ${kb(f.raw)}  ${kb(f.brotli)}${note}`);
  }
  const counted = files.filter((f) => f.counted);
  const raw = counted.reduce((sum, f) => sum + f.raw, 0);
  const brotli = counted.reduce((sum, f) => sum + f.brotli, 0);
  console.log(`${'wasm + JS + CSS'.padEnd(width)}  ${kb(raw)}  ${kb(brotli)}  (limit ${kb(LIMIT).trim()}, target ${kb(TARGET).trim()} brotli)`);
  if (brotli > TARGET) {
    console.log(`size: ${brotli - TARGET} bytes brotli above issue 8's target of ${TARGET}`);
  }
  if (brotli > LIMIT) {
    console.error(`size limit exceeded: ${brotli} bytes brotli > ${LIMIT}`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
