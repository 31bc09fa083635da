// File names hashed from the files' final bytes (issue 8: the service worker's
// cache), run by scripts/csp.mjs, Trunk's post-build hook, after the wasm's
// names are shortened and the JS and CSS minified, before the inline scripts
// are hashed into the Content-Security-Policy.
//
// Trunk names each file it builds after a hash of its bytes *before* the hook
// rewrites them (`style-<hex>.css`, `filing-web-<hex>.js` and
// `filing-web-<hex>_bg.wasm`, the initializer `<hex>-loader.js`). The service
// worker (web/sw.js) serves such names cache first, for ever, so a change to
// the hook alone would ship new bytes under an old name: a returning visitor
// would get the old file from the cache, and the page's integrity hash for the
// new one would refuse it. Here every such file is named again
// `<stem>-<16 hex>.<ext>`, the hex digits the start of the SHA-256 of its
// final bytes, and every mention of its old name in the text files of the
// build (index.html's links and start-up script, the glue's URL of the wasm)
// becomes the new one; the `integrity` hashes of index.html are computed again,
// and so is the wasm's size that Trunk's start-up script gives the loading bar
// (Trunk's figure is the wasm's before wasm-opt and this hook: a third too large).
//
// Every hashed name at the top of the build is named again, not only those
// index.html links: a file reached only through another (the glue's wasm, a
// worker's import) may have been rewritten too. A file that names another is
// named after it (its bytes hold the other's new name); files that name each
// other, or a file that names itself, fail the build, as no name could then
// follow from the bytes, and so does a new name that is already another
// file's. A file already named after its bytes keeps its name: running the
// hook again changes nothing.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { reintegrate } from './minify.mjs';

/** The kinds of file whose text may name another file of the build. */
const TEXT = new Set(['.html', '.js', '.css', '.json']);

/**
 * A name as Trunk hashes it, `{ stem, suffix }`: `<stem>-<hex><suffix>` (the
 * suffix `.ext` or `_bg.wasm`) or `<hex>-<stem><suffix>` (an initializer).
 * Trunk writes its 64-bit hash in hex without leading zeros, so 1 to 16
 * digits. Null for any other name.
 */
export function hashedName(name) {
  const after = /^(.+)-[0-9a-f]{1,16}((?:_bg)?\.[a-z]+)$/.exec(name);
  if (after) return { stem: after[1], suffix: after[2] };
  const before = /^[0-9a-f]{1,16}-(.+?)(\.[a-z]+)$/.exec(name);
  return before ? { stem: before[1], suffix: before[2] } : null;
}

/** The hash the name of a file of `bytes` carries: the first 16 hex digits of their SHA-256. */
export function contentHash(bytes) {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** A regular expression that finds a whole mention of any of `names` (not inside a longer name). */
function mentionOf(names) {
  const alternatives = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\w.-])(?:${alternatives.join('|')})(?![\\w.-])`, 'g');
}

/** Whether `text` mentions the file `name`. */
export function mentions(text, name) {
  return mentionOf([name]).test(text);
}

/**
 * Names every hashed file at the top of `dir` after its final bytes, as the
 * head of this file says, and returns the renames (old name → new name; a
 * file already so named maps to itself).
 */
export function rehashDist(dir) {
  const page = join(dir, 'index.html');
  const names = readdirSync(dir).filter((name) => !name.startsWith('.'));
  const text = (name) => (TEXT.has(extname(name)) ? readFileSync(join(dir, name), 'utf8') : '');
  let pending = names.filter((name) => hashedName(name));
  const renames = new Map();
  while (pending.length > 0) {
    const ready = pending.filter((name) => !pending.some((other) => mentions(text(name), other)));
    if (ready.length === 0) {
      throw new Error(`rehash: ${pending.join(', ')} name each other or themselves, so no name can follow from their bytes`);
    }
    for (const name of ready) {
      const { stem, suffix } = hashedName(name);
      const renamed = `${stem}-${contentHash(readFileSync(join(dir, name)))}${suffix}`;
      if (renamed !== name) {
        if (existsSync(join(dir, renamed))) {
          throw new Error(`rehash: ${name} would be named ${renamed}, which is already another file's`);
        }
        renameSync(join(dir, name), join(dir, renamed));
      }
      renames.set(name, renamed);
      for (const file of names.map((n) => renames.get(n) ?? n).filter((n) => TEXT.has(extname(n)))) {
        const before = text(file);
        const after = before.replace(mentionOf([name]), () => renamed);
        if (after !== before) writeFileSync(join(dir, file), after);
      }
    }
    pending = pending.filter((name) => !renames.has(name));
  }
  let html = text('index.html');
  for (const name of renames.values()) html = reintegrate(html, name, readFileSync(join(dir, name)));
  const present = new Set(readdirSync(dir));
  writeFileSync(page, resize(html, (name) => (present.has(name) ? readFileSync(join(dir, name)).length : null)));
  return renames;
}

/**
 * `html` with the size Trunk's start-up script gives for its wasm
 * (`__trunkInitializer(init, '<wasm URL>', <size>, …)`) set to `sizeOf` the
 * file the URL names (its last part; `null`: no such file, left as it is).
 */
export function resize(html, sizeOf) {
  return html.replace(/(__trunkInitializer\(\s*init\s*,\s*'([^']*)'\s*,\s*)(\d+)/g, (found, head, url, size) => {
    const actual = sizeOf(url.split('/').pop());
    return actual === null ? found : `${head}${actual}`;
  });
}
