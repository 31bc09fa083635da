// wasm-opt on the release wasm, run by scripts/csp.mjs (Trunk's post-build
// hook) first, instead of by Trunk (index.html sets `data-wasm-opt="0"`):
// so that exports the page never uses go before wasm-opt's one pass, which then
// removes their code with them (issue 8: the app's size). A second wasm-opt
// pass over a wasm already optimised would cost more brotli than the exports'
// code saves (README, Performance).
//
// What goes: every export that no word of the glue or of another script or
// page of the build names (`unusedExports`: `.js`, `.mjs` and `.html` files,
// in subfolders such as `snippets/` too; wasm-bindgen's marker globals, an
// unused helper), and the JS classes that wasm-streams exports
// (`UNUSED_CLASSES`).
// Leptos turns on server_fn's `browser` feature, which links wasm-streams, and
// wasm-bindgen exports its three classes (a Rust stream made into a JS one);
// nothing of the page makes one. Each class's definition leaves the glue and
// every export only it calls through `wasm.` leaves the wasm. A class the glue
// still names elsewhere (say, an import that wraps a Rust stream in one) fails
// the build, as does a class the glue does not define (a new wasm-streams).
//
// The options are Trunk's for `data-wasm-opt="z"` with the page's own two
// (`OPTIONS`): -Oz; "low-memory-unused" lets wasm-opt fold a pointer's
// constant offset into the load or store, sound when the first 1 kB of memory
// is never used: Rust puts its 1 MB stack first, growing down towards address
// 0, so only a stack within 1 kB of overflowing would reach it; "converge"
// repeats the passes while they still shrink the wasm. The wasm-opt is
// binaryen 132's from tests/node_modules (scripts/setup installs it; Debian's
// binaryen 108 builds a wasm that fails at load), else the one on PATH, and
// must say it is version 132. Only a release build is optimised, as Trunk does.
// The build fails if the glue calls (`wasm.name`) an export the optimised
// wasm lacks, or reaches its exports by a computed name (`wasm[…]`).
// FILING_WASM_NAMES=1 adds `-g` (the wasm keeps its function names, for a
// profile: tests/bench/trace-batch.mjs).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepsNames, otherTexts, readWasm, renameWasm } from './wasm-names.mjs';

/** The classes of the glue the page never uses (wasm-streams', see above). */
export const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
/** wasm-opt's options, after the input and output (see above). */
export const OPTIONS = ['-Oz', '--low-memory-unused', '--converge'];
/** The binaryen version whose wasm-opt is used (tests/package.json). */
const VERSION = 132;

/**
 * The end (one past the closing brace) of the block that opens at `text[open]`
 * (`{`), counting braces; `null` if it never closes. wasm-bindgen's class
 * bodies hold no brace in a string, comment or regular expression (and the
 * glue left must still parse, which the minifier that runs next checks).
 */
function blockEnd(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return null;
}

/**
 * The range `[start, end)` of `glue` that defines the class `name` as
 * wasm-bindgen writes it: `export class Name {…}` with the line right after
 * it, when that line names it (`if (Symbol.dispose) Name.prototype[…] = …;`).
 */
function classRange(glue, name) {
  const head = new RegExp(`^export class ${name} \\{`, 'm').exec(glue);
  if (!head) throw new Error(`wasm-opt: the glue defines no class ${name}`);
  let end = blockEnd(glue, head.index + head[0].length - 1);
  if (end === null) throw new Error(`wasm-opt: the class ${name} never closes`);
  const next = /^\n(.*)\n/.exec(glue.slice(end));
  if (next && new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\b`).test(next[1])) end += next[0].length - 1;
  return [head.index, end];
}

/**
 * The range of `glue` of the statement `const NameFinalization = …;` (its
 * registry of objects to free: a conditional whose parts hold no `;`), or
 * `null` when there is none.
 */
function registryRange(glue, name) {
  const head = new RegExp(`^const ${name}Finalization = `, 'm').exec(glue);
  if (!head) return null;
  const end = glue.indexOf(';', head.index);
  if (end < 0) throw new Error(`wasm-opt: ${name}Finalization never ends`);
  return [head.index, end + 1];
}

/** The names `text` calls on the wasm (`wasm.name`). */
export function called(text) {
  return new Set([...text.matchAll(/(?<![\w$.])wasm\.([\w$]+)/g)].map((m) => m[1]));
}

/**
 * `glue` without the definitions of `classes` (each class and its
 * finalization registry), and the exports of the wasm that only those
 * definitions called (`wasm.name`). A class the glue does not define, or
 * still names after, fails.
 */
export function dropClasses(glue, classes) {
  let text = glue;
  const dropped = new Set();
  for (const name of classes) {
    const ranges = [classRange(text, name), registryRange(text, name)].filter(Boolean).sort((a, b) => b[0] - a[0]);
    for (const [start, end] of ranges) {
      for (const exported of called(text.slice(start, end))) dropped.add(exported);
      text = text.slice(0, start) + text.slice(end);
    }
    if (new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(text)) {
      throw new Error(`wasm-opt: the glue still names ${name} outside its definition`);
    }
  }
  const kept = called(text);
  return { glue: text, exports: [...dropped].filter((name) => !kept.has(name)) };
}

/** The path of binaryen 132's wasm-opt: tests/node_modules's, else PATH's; fails on another version. */
function wasmOpt() {
  const local = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'node_modules', '.bin', 'wasm-opt');
  const program = existsSync(local) ? local : 'wasm-opt';
  const version = spawnSync(program, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) throw new Error(`wasm-opt: cannot run ${program} (scripts/setup installs it)`);
  if (!new RegExp(`\\bversion ${VERSION}\\b`).test(version.stdout)) {
    throw new Error(`wasm-opt: ${program} is not binaryen ${VERSION}: ${version.stdout.trim()}`);
  }
  return program;
}

/**
 * The exports of the wasm (`exports`) that no word of `glue` (what is left of
 * it) or of `texts` (the other scripts and pages of the build) names: none of
 * them is ever called. A glue that reaches the wasm's exports otherwise than
 * by name (`wasm[…]`) fails, since then any export may be called.
 */
export function unusedExports(glue, texts, exports) {
  if (/(?<![\w$.])wasm\s*\[/.test(glue)) {
    throw new Error('wasm-opt: the glue reaches the wasm by a computed name (wasm[…])');
  }
  const words = new Set([glue, ...texts].flatMap((text) => text.match(/[\w$]+/g) ?? []));
  return exports.filter((name) => !words.has(name));
}

/**
 * The names `glue` calls on the wasm that the wasm `exports` not: empty unless
 * an export the glue needs was dropped.
 */
export function missingExports(glue, exports) {
  const exported = new Set(exports);
  return [...called(glue)].filter((name) => !exported.has(name));
}

/**
 * Drop the unused classes from `dir`'s glue, and their exports and every
 * export nothing names from its wasm, then optimise the wasm with wasm-opt
 * (`-g` too when `keepsNames`); returns the bytes saved and the exports
 * dropped (`{ saved, dropped }`), or `null` in a debug build (left as it is).
 * The build fails if the glue left calls an export the optimised wasm lacks.
 * The wasm's integrity hash in index.html is computed again by the names'
 * step, which runs next.
 */
export function optimizeDist(dir, profile = process.env.TRUNK_PROFILE) {
  if (profile !== 'release') return null;
  const files = readdirSync(dir);
  const wasmFile = files.find((name) => name.endsWith('_bg.wasm'));
  if (!wasmFile) throw new Error(`wasm-opt: no *_bg.wasm in ${dir}`);
  const glueFile = wasmFile.replace(/_bg\.wasm$/, '.js');
  const wasmPath = join(dir, wasmFile);
  const gluePath = join(dir, glueFile);
  const wasm = readFileSync(wasmPath);
  const glue = readFileSync(gluePath, 'utf8');
  const dropped = dropClasses(glue, UNUSED_CLASSES);
  const { exports } = readWasm(wasm);
  const missing = dropped.exports.filter((name) => !exports.includes(name));
  if (missing.length > 0) throw new Error(`wasm-opt: the wasm does not export ${missing.join(', ')}`);
  const unused = [...new Set([...dropped.exports, ...unusedExports(dropped.glue, otherTexts(dir, glueFile), exports)])];
  const unexported = renameWasm(wasm, null, new Map(), new Map(unused.map((name) => [name, null])), () => true);
  const options = keepsNames() ? [...OPTIONS, '-g'] : OPTIONS;
  // The input outside dir/, which Trunk copies to dist/ whole.
  const program = wasmOpt();
  const scratch = mkdtempSync(join(tmpdir(), 'wasm-opt-'));
  try {
    const input = join(scratch, wasmFile);
    writeFileSync(input, unexported);
    const run = spawnSync(program, [input, '-o', wasmPath, ...options], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`wasm-opt failed:\n${run.error ?? run.stderr}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const optimised = readFileSync(wasmPath);
  const lost = missingExports(dropped.glue, readWasm(optimised).exports);
  if (lost.length > 0) throw new Error(`wasm-opt: the glue calls ${lost.join(', ')}, which the wasm no longer exports`);
  writeFileSync(gluePath, dropped.glue);
  const saved = wasm.length + Buffer.byteLength(glue) - optimised.length - Buffer.byteLength(dropped.glue);
  return { saved, dropped: unused.sort() };
}
