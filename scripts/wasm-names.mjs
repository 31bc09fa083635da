// Short names between the release wasm and its wasm-bindgen glue (issue 8: the
// app's size), run by scripts/csp.mjs, Trunk's post-build hook, before the JS
// is minified. wasm-bindgen names every function the wasm imports from its glue
// after the JS API it calls plus a 16-digit hash (`__wbg_addEventListener_` and
// 16 hex digits), and some of its exports the same way; each name is written
// twice, in the wasm's import or export section and in the glue, and the hashes
// do not compress at all (about 4 kB of brotli for the 277 imports). Names are
// only how the two files find each other, so each becomes one or two letters:
//
// - an import of the glue's module is renamed when every use of its name in
//   the glue is the key of the imports object (`name:`);
// - an export is renamed when every use of its name in the glue is `wasm.name`
//   and no other file of dist/ names it;
// - anything else stays as it is, and a name the wasm imports from the glue
//   that the glue does not define fails the build.
//
// The custom sections (`producers`, `target_features`, wasm-bindgen's
// `__wasm_split_unstable`) go too: nothing reads them at run time (the glue
// never calls `WebAssembly.Module.customSections`), except the `name` section
// of a build with FILING_WASM_NAMES=1 (`keepsNames`: function names for a
// profile, tests/bench/trace-batch.mjs). The wasm's `integrity` hash in
// index.html is computed again.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reintegrate } from './minify.mjs';

/** Letters for the first character of a short name, then letters and digits for the second. */
const FIRST = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const NEXT = `${FIRST}0123456789`;

/** The `n`th short identifier: `a` … `Z`, then `aa` … `Z9` (enough for 3,276 names). */
export function shortName(n) {
  if (n < FIRST.length) return FIRST[n];
  const rest = n - FIRST.length;
  if (rest >= FIRST.length * NEXT.length) throw new Error(`wasm-names: no short name for ${n}`);
  return FIRST[Math.floor(rest / NEXT.length)] + NEXT[rest % NEXT.length];
}

/** An unsigned LEB128 number as bytes. */
function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/** A wasm name (its length, then its UTF-8 bytes). */
function wasmName(text) {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([leb(bytes.length), bytes]);
}

/** A reader of LEB128 numbers and names over `bytes` from `at`, which fails past `end`. */
function reader(bytes, at, end = bytes.length) {
  const byte = () => {
    if (at >= end) throw new Error('wasm-names: the wasm ends inside a section');
    return bytes[at++];
  };
  return {
    get at() {
      return at;
    },
    /** Moves to `to` (a section's end). */
    seek(to) {
      at = to;
    },
    byte,
    u32() {
      let result = 0;
      for (let shift = 0; ; shift += 7) {
        const b = byte();
        result += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return result;
      }
    },
    name() {
      const length = this.u32();
      if (at + length > end) throw new Error('wasm-names: a name runs past its section');
      const text = bytes.subarray(at, at + length).toString('utf8');
      at += length;
      return text;
    },
  };
}

/** Skips an import's description (function, table, memory, global or tag) in `r`. */
function skipImportDescription(r) {
  const kind = r.byte();
  const limits = () => {
    const flags = r.byte();
    r.u32();
    if (flags & 1) r.u32();
  };
  if (kind === 0) r.u32();
  else if (kind === 1) {
    r.byte();
    limits();
  } else if (kind === 2) limits();
  else if (kind === 3) {
    r.byte();
    r.byte();
  } else if (kind === 4) {
    r.byte();
    r.u32();
  } else throw new Error(`wasm-names: an import of unknown kind ${kind}`);
}

/**
 * The imports (`{ module, name }`) and export names of `wasm`, and its sections
 * (`{ id, start, end }`, the contents' byte range).
 */
export function readWasm(wasm) {
  if (wasm.readUInt32BE(0) !== 0x0061736d) throw new Error('wasm-names: not a wasm file');
  const sections = [];
  const imports = [];
  const exports = [];
  const r = reader(wasm, 8);
  while (r.at < wasm.length) {
    const id = r.byte();
    const size = r.u32();
    const start = r.at;
    const end = start + size;
    if (end > wasm.length) throw new Error('wasm-names: a section runs past the end of the wasm');
    sections.push({ id, start, end });
    const s = reader(wasm, start, end);
    if (id === 2) {
      for (let n = s.u32(); n > 0; n -= 1) {
        imports.push({ module: s.name(), name: s.name() });
        skipImportDescription(s);
      }
    } else if (id === 7) {
      for (let n = s.u32(); n > 0; n -= 1) {
        exports.push(s.name());
        s.byte();
        s.u32();
      }
    }
    r.seek(end);
  }
  return { sections, imports, exports };
}

/**
 * Whether the build keeps the wasm's function names (`FILING_WASM_NAMES=1`):
 * wasm-opt then runs with `-g` and the `name` section stays.
 */
export function keepsNames(env = process.env) {
  return env.FILING_WASM_NAMES === '1';
}

/**
 * The texts of the files of `dir` and its subfolders (wasm-bindgen's
 * `snippets/`) that might name an export of the wasm: every script and page
 * (`.js`, `.mjs`, `.html`) but the glue `glueFile`.
 */
export function otherTexts(dir, glueFile) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => name !== glueFile && /\.(m?js|html)$/.test(name))
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

/**
 * `wasm` with the imports of `module` and the exports renamed by `imports` and
 * `exports` (old name → new name; a name not in them stays; an export renamed
 * to `null` is dropped) and only the custom sections whose name `keepCustom`
 * accepts (wasm-opt reads the features the wasm uses from its
 * `target_features`).
 */
export function renameWasm(wasm, module, imports, exports, keepCustom = () => false) {
  const { sections } = readWasm(wasm);
  const parts = [wasm.subarray(0, 8)];
  for (const { id, start, end } of sections) {
    if (id === 0 && !keepCustom(reader(wasm, start, end).name())) continue;
    let contents = wasm.subarray(start, end);
    if (id === 2 || id === 7) {
      const s = reader(wasm, start, end);
      const count = s.u32();
      const entries = [];
      for (let n = 0; n < count; n += 1) {
        if (id === 2) {
          const from = s.name();
          const name = s.name();
          const at = s.at;
          skipImportDescription(s);
          const renamed = from === module ? (imports.get(name) ?? name) : name;
          entries.push(Buffer.concat([wasmName(from), wasmName(renamed), wasm.subarray(at, s.at)]));
        } else {
          const name = s.name();
          const at = s.at;
          s.byte();
          s.u32();
          const renamed = exports.has(name) ? exports.get(name) : name;
          if (renamed !== null) entries.push(Buffer.concat([wasmName(renamed), wasm.subarray(at, s.at)]));
        }
      }
      contents = Buffer.concat([leb(entries.length), ...entries]);
    }
    parts.push(Buffer.from([id]), leb(contents.length), contents);
  }
  return Buffer.concat(parts);
}

/**
 * The name of a closure's shim, which wasm-bindgen makes unique with a hash
 * (`wasm_bindgen__convert__closures_____invoke__h` and 16 hex digits, and
 * `_2` … for a second shim of one closure). No other name is renamed where
 * the glue uses it otherwise than as `wasm.name` (an exported function of the
 * glue's own, say, whose name is its JS API).
 */
export const HASHED = /invoke__h[0-9a-f]{16}(_\d+)?$/;

/** `name` as a regular expression that matches it literally. */
function literal(name) {
  return name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Every use of `name` in `text` as a whole word (`[\w$]` neither before nor after). */
function uses(text, name) {
  return [...text.matchAll(new RegExp(`(?<![\\w$])${literal(name)}(?![\\w$])`, 'g'))];
}

/**
 * The renames for `glue` (the JS text) and a wasm of `imports` and `exports`
 * (from `readWasm`): `{ module, imports, exports }`, the maps old name → new
 * name, as the head of this file says. `others` are the texts of the other
 * files that might name an export.
 */
export function planRenames(glue, { imports, exports }, others = []) {
  const modules = new Set(imports.map((i) => i.module));
  const module = [...modules].find((m) => glue.includes(JSON.stringify(m)));
  if (module === undefined) throw new Error('wasm-names: the glue names none of the wasm\'s import modules');
  // An import's new name must not be the name of an import that stays (as in
  // a glue renamed once already), or two imports would share one key.
  const renamable = [];
  const kept = new Set();
  for (const { name } of imports.filter((i) => i.module === module)) {
    const found = uses(glue, name);
    if (found.length === 0) throw new Error(`wasm-names: the glue does not define the import ${name}`);
    const keys = found.filter((m) => glue[m.index + name.length] === ':');
    if (keys.length === found.length) renamable.push(name);
    else kept.add(name);
  }
  const importRenames = new Map();
  let nextImport = 0;
  for (const name of renamable) {
    let short = shortName(nextImport++);
    while (kept.has(short)) short = shortName(nextImport++);
    importRenames.set(name, short);
  }
  // An export's new name must not be a word of the glue: a hashed one is also
  // the name of a JS function there, renamed with it.
  const taken = new Set([...exports, ...glue.matchAll(/[\w$]+/g)].map((m) => (typeof m === 'string' ? m : m[0])));
  const exportRenames = new Map();
  let next = 0;
  for (const name of exports) {
    const found = uses(glue, name);
    const calls = found.filter((m) => /(?<![\w$.])wasm\.$/.test(glue.slice(Math.max(0, m.index - 6), m.index)));
    if (calls.length === 0 || (calls.length !== found.length && !HASHED.test(name))) continue;
    if (others.some((text) => uses(text, name).length > 0)) continue;
    let short = shortName(next++);
    while (taken.has(short)) short = shortName(next++);
    taken.add(short);
    exportRenames.set(name, short);
  }
  return { module, imports: importRenames, exports: exportRenames };
}

/**
 * `glue` with every renamed import key and `wasm.` export use written with its
 * new name. Each kind is one pass over the text, so a new name is never renamed
 * again (as a chain of renames in turn would: `c` → `a`, then `a` → `b`).
 */
export function renameGlue(glue, { imports, exports }) {
  const hashed = new Map([...exports].filter(([from]) => HASHED.test(from)));
  const called = new Map([...exports].filter(([from]) => !HASHED.test(from)));
  return glue
    .replace(/(?<![\w$])([\w$]+):/g, (found, name) => (imports.has(name) ? `${imports.get(name)}:` : found))
    .replace(/(?<![\w$])[\w$]+(?![\w$])/g, (word) => hashed.get(word) ?? word)
    .replace(/(?<![\w$.])wasm\.([\w$]+)(?![\w$])/g, (found, name) =>
      called.has(name) ? `wasm.${called.get(name)}` : found,
    );
}

/**
 * Shortens the names of `dir`'s wasm and glue (`*_bg.wasm` and the `.js` of
 * the same stem) and fixes the wasm's integrity hash in `dir/index.html`; the
 * glue's own hash is fixed by the minifier that runs next. Returns the bytes
 * saved in the two files.
 */
export function shortenDist(dir) {
  const files = readdirSync(dir);
  const wasmFile = files.find((name) => name.endsWith('_bg.wasm'));
  if (!wasmFile) throw new Error(`wasm-names: no *_bg.wasm in ${dir}`);
  const glueFile = wasmFile.replace(/_bg\.wasm$/, '.js');
  if (!files.includes(glueFile)) throw new Error(`wasm-names: no ${glueFile} beside ${wasmFile}`);
  const wasm = readFileSync(join(dir, wasmFile));
  const glue = readFileSync(join(dir, glueFile), 'utf8');
  const plan = planRenames(glue, readWasm(wasm), otherTexts(dir, glueFile));
  const keep = keepsNames() ? (name) => name === 'name' : undefined;
  const newWasm = renameWasm(wasm, plan.module, plan.imports, plan.exports, keep);
  const newGlue = renameGlue(glue, plan);
  writeFileSync(join(dir, wasmFile), newWasm);
  writeFileSync(join(dir, glueFile), newGlue);
  const page = join(dir, 'index.html');
  writeFileSync(page, reintegrate(readFileSync(page, 'utf8'), wasmFile, newWasm));
  return wasm.length + Buffer.byteLength(glue) - newWasm.length - Buffer.byteLength(newGlue);
}
