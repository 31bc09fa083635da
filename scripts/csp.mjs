// Trunk post-build hook (Trunk.toml): fill the Content-Security-Policy of the
// built index.html with the SHA-256 hash of every inline <script> in it — the
// theme/start-up script of index.html and the module script Trunk injects to
// load the wasm, whose text changes with every build (it names the hashed
// files) — so that the policy allows exactly those and no other inline script.
// index.html carries the policy with the placeholder 'inline-script-hashes'.
// First, in a release build, the wasm loses the exports the page never uses
// and is optimised (scripts/wasm-opt.mjs: Trunk runs no wasm-opt), then the
// names between the wasm and its glue are shortened (scripts/wasm-names.mjs),
// then the JS and CSS files of the build are minified (scripts/minify.mjs),
// which also computes their integrity hashes in index.html again, and last
// the hashed files are named after their final bytes (scripts/rehash.mjs), so
// that a change to this hook alone never ships new bytes under an old name.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyDist } from './minify.mjs';
import { rehashDist } from './rehash.mjs';
import { shortenDist } from './wasm-names.mjs';
import { optimizeDist } from './wasm-opt.mjs';

const PLACEHOLDER = "'inline-script-hashes'";
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('scripts/csp.mjs: no TRUNK_STAGING_DIR (run it as a Trunk hook, or pass the dist directory)');
  process.exit(1);
}
const file = join(dir, 'index.html');
// Checked first: a page without the placeholder has been through this hook
// already, and its wasm, glue and scripts must not be rewritten twice.
if (!readFileSync(file, 'utf8').includes(PLACEHOLDER)) {
  console.error(`scripts/csp.mjs: ${file} has no ${PLACEHOLDER} in its Content-Security-Policy`);
  process.exit(1);
}
const optimised = optimizeDist(dir);
if (optimised === null) {
  console.log(`scripts/csp.mjs: wasm-opt skipped (profile ${process.env.TRUNK_PROFILE}, not release)`);
} else {
  const { saved, dropped } = optimised;
  console.log(`scripts/csp.mjs: ${dropped.length} unused export(s) dropped: ${dropped.join(', ')}`);
  console.log(`scripts/csp.mjs: wasm-opt run, ${saved} bytes fewer with the exports`);
}
console.log(`scripts/csp.mjs: the names between the wasm and its glue shortened, ${shortenDist(dir)} bytes fewer`);
const { before, after } = minifyDist(dir);
console.log(`scripts/csp.mjs: JS and CSS minified, ${before} → ${after} bytes`);
const renames = rehashDist(dir);
console.log(`scripts/csp.mjs: ${renames.size} file(s) named after their final bytes: ${[...renames.values()].join(', ')}`);
const html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
writeFileSync(file, html.replace(PLACEHOLDER, [...new Set(hashes)].join(' ')));
console.log(`scripts/csp.mjs: ${hashes.length} inline script(s) hashed into the Content-Security-Policy`);
