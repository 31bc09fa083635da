// The release wasm loses the exports of the glue's unused classes, and those
// nothing names, before wasm-opt runs (scripts/wasm-opt.mjs, Trunk's post-build hook): checked on a
// glue written here as wasm-bindgen writes its classes, on a small wasm written
// byte by byte whose dropped export must no longer be there (and which must
// still compile), and on the build in dist/, whose glue must find every export
// it calls.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { keepsNames, otherTexts, readWasm, renameWasm } from '../../scripts/wasm-names.mjs';
import { called, dropClasses, missingExports, UNUSED_CLASSES, unusedExports } from '../../scripts/wasm-opt.mjs';
import { DIST } from '../support/harness.mjs';

/** A class as wasm-bindgen writes it, with its finalization registry apart. */
const classOf = (name, method) => [
  `export class ${name} {`,
  '    __destroy_into_raw() {',
  '        const ptr = this.__wbg_ptr;',
  `        ${name}Finalization.unregister(this);`,
  '        return ptr;',
  '    }',
  `    ${method}() {`,
  `        wasm.${name.toLowerCase()}_${method}(this.__wbg_ptr);`,
  '        wasm.shared(1);',
  '    }',
  '}',
  `if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;`,
];
const registryOf = (name) => [
  `const ${name}Finalization = (typeof FinalizationRegistry === 'undefined')`,
  '    ? { register: () => {}, unregister: () => {} }',
  `    : new FinalizationRegistry(ptr => wasm.__wbg_${name.toLowerCase()}_free(ptr, 1));`,
];
const GLUE = [
  'let wasm;',
  ...classOf('Source', 'pull'),
  '',
  ...classOf('Kept', 'run'),
  '',
  'export function start() { wasm.shared(0); }',
  ...registryOf('Source'),
  ...registryOf('Kept'),
  '',
].join('\n');

test('a class goes with its registry and dispose line, and so do the exports only it calls', () => {
  const { glue, exports } = dropClasses(GLUE, ['Source']);
  assert.deepEqual(exports.sort(), ['__wbg_source_free', 'source_pull']);
  assert.doesNotMatch(glue, /Source/);
  assert.match(glue, /export class Kept \{/);
  assert.match(glue, /const KeptFinalization = /);
  assert.match(glue, /wasm\.shared\(0\)/);
  const check = spawnSync(process.execPath, ['--check', '--input-type=module'], { input: glue });
  assert.equal(check.status, 0, check.stderr.toString());
});

test('a class the glue does not define, or names elsewhere, fails', () => {
  assert.throws(() => dropClasses(GLUE, ['Sink']), /defines no class Sink/);
  const named = `${GLUE}\nexport function wrap(ptr) { return Source.__wrap(ptr); }`;
  assert.throws(() => dropClasses(named, ['Source']), /still names Source/);
});

test('an export only another script names stays, and a computed access to the wasm fails', () => {
  const exports = ['run', 'worker_only', 'unused'];
  const worker = 'self.onmessage = (e) => glue.worker_only(e.data);';
  assert.deepEqual(unusedExports('wasm.run();', [worker], exports), ['unused']);
  assert.deepEqual(unusedExports('wasm.run();', [], exports), ['worker_only', 'unused']);
  assert.throws(() => unusedExports('wasm.run(); wasm[name]();', [worker], exports), /computed name/);
  assert.throws(() => unusedExports('wasm .run(); wasm [name]();', [], exports), /computed name/);
});

test('an export the glue calls but the wasm lacks is found', () => {
  assert.deepEqual(missingExports('wasm.run(); wasm.gone(1); other.wasm.x();', ['run']), ['gone']);
  assert.deepEqual(missingExports('wasm.run();', ['run', 'more']), []);
});

test('an export renamed to null is dropped, and custom sections stay when asked', () => {
  const name = (text) => [text.length, ...Buffer.from(text)];
  const section = (id, contents) => [id, contents.length, ...contents];
  const wasm = Buffer.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 0, 0]),
    ...section(3, [1, 0]),
    ...section(7, [2, ...name('run'), 0x00, 0, ...name('source_pull'), 0x00, 0]),
    ...section(10, [1, 2, 0, 0x0b]),
    ...section(0, [...name('target_features'), 0]),
  ]);
  const dropped = renameWasm(wasm, null, new Map(), new Map([['source_pull', null]]), () => true);
  assert.deepEqual(readWasm(dropped).exports, ['run']);
  assert.equal(readWasm(dropped).sections.filter((s) => s.id === 0).length, 1);
  assert.deepEqual(WebAssembly.Module.exports(new WebAssembly.Module(dropped)).map((e) => e.name), ['run']);
  // FILING_WASM_NAMES=1: the `name` section alone stays.
  const named = Buffer.concat([wasm, Buffer.from(section(0, [...name('name'), 0]))]);
  const kept = renameWasm(named, null, new Map(), new Map(), (custom) => custom === 'name');
  assert.deepEqual(
    readWasm(kept).sections.filter((s) => s.id === 0).map((s) => kept.subarray(s.start + 1, s.start + 5).toString()),
    ['name'],
  );
  assert.equal(keepsNames({ FILING_WASM_NAMES: '1' }), true);
  assert.equal(keepsNames({}), false);
});

test('the other texts are every script and page but the glue, in subfolders too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasm-opt-spec-'));
  try {
    mkdirSync(join(dir, 'snippets', 'x'), { recursive: true });
    const files = { 'app.js': 'glue', 'worker.js': 'w', 'index.html': 'h', 'snippets/x/inline0.mjs': 's', 'a.css': 'c' };
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    assert.deepEqual(otherTexts(dir, 'app.js').sort(), ['h', 's', 'w']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the build has none of the unused classes, and its glue names every export of its wasm', () => {
  const files = readdirSync(DIST);
  const glue = files.filter((f) => /^filing-web-.*\.js$/.test(f)).map((f) => readFileSync(join(DIST, f), 'utf8'));
  assert.equal(glue.length, 1);
  for (const name of UNUSED_CLASSES) assert.ok(!glue[0].includes(name), name);
  const wasm = readFileSync(join(DIST, files.find((f) => f.endsWith('_bg.wasm'))));
  const words = new Set(glue[0].match(/[\w$]+/g));
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
  assert.deepEqual(exports.filter((name) => !words.has(name)), []);
  assert.ok(called(glue[0]).size > 0, 'the glue calls the wasm as wasm.name');
  assert.deepEqual(missingExports(glue[0], exports), []);
});
