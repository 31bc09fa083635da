// The names between the release wasm and its wasm-bindgen glue are shortened by
// scripts/wasm-names.mjs (Trunk's post-build hook): checked on a small wasm
// written here byte by byte, which node then compiles and runs with the
// renamed glue's imports, and on the build in dist/, whose every import the
// glue must define under the new name.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { HASHED, planRenames, readWasm, renameGlue, renameWasm, shortName } from '../../scripts/wasm-names.mjs';
import { DIST } from '../support/harness.mjs';

/** A wasm name: its length (under 128) and its bytes. */
const name = (text) => [text.length, ...Buffer.from(text)];
/** A section: its id, its length (under 128) and its contents. */
const section = (id, contents) => [id, contents.length, ...contents];

const MODULE = './app_bg.js';
const LOG = '__wbg_log_0123456789abcdef';
const NOW = '__wbg_now_fedcba9876543210';
const INVOKE = 'closure_invoke__h0011223344556677';

/**
 * A wasm that imports `log` and `now` from the glue and a memory from `env`,
 * exports `run` (which calls log(now())), `INVOKE` (the same) and `memory`,
 * and carries a custom section.
 */
function smallWasm() {
  return Buffer.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    // Types: 0 = () -> (), 1 = (i32) -> (), 2 = () -> i32.
    ...section(1, [3, 0x60, 0, 0, 0x60, 1, 0x7f, 0, 0x60, 0, 1, 0x7f]),
    ...section(2, [
      3,
      ...name(MODULE), ...name(LOG), 0x00, 1,
      ...name(MODULE), ...name(NOW), 0x00, 2,
      ...name('env'), ...name('memory'), 0x02, 0x00, 1,
    ]),
    ...section(3, [1, 0]),
    ...section(7, [3, ...name('run'), 0x00, 2, ...name(INVOKE), 0x00, 2, ...name('memory'), 0x02, 0]),
    // The function: call now; call log.
    ...section(10, [1, 6, 0, 0x10, 1, 0x10, 0, 0x0b]),
    ...section(0, [...name('producers'), 1, 2, 3]),
  ]);
}

/** Glue as wasm-bindgen writes it: the imports object, and the exports used through `wasm.`. */
const GLUE = [
  'let wasm;',
  'const logged = [];',
  `function ${INVOKE}() { wasm.${INVOKE}(); }`,
  `const import0 = { __proto__: null, ${LOG}: function(arg0) { logged.push(arg0); }, ${NOW}: function() { return 7; } };`,
  `const imports = { ${JSON.stringify(MODULE)}: import0 };`,
  `export function run() { wasm.run(); ${INVOKE}(); return logged; }`,
].join('\n');

test('short names are one letter, then a letter and a letter or digit', () => {
  assert.equal(shortName(0), 'a');
  assert.equal(shortName(51), 'Z');
  assert.equal(shortName(52), 'aa');
  assert.equal(shortName(52 + 62), 'ba');
  assert.throws(() => shortName(52 + 52 * 62), /no short name/);
});

test('the glue\'s imports and its exports through wasm. get short names, and the wasm still runs', async () => {
  const wasm = smallWasm();
  const plan = planRenames(GLUE, readWasm(wasm));
  assert.equal(plan.module, MODULE);
  assert.deepEqual([...plan.imports], [[LOG, 'a'], [NOW, 'b']]);
  // `run` is also the glue's own exported function, so it keeps its name; the
  // hashed shim is renamed everywhere, with a name that is no word of the glue.
  assert.deepEqual([...plan.exports.keys()], [INVOKE]);
  const short = plan.exports.get(INVOKE);
  assert.doesNotMatch(GLUE, new RegExp(`\\b${short}\\b`));

  const renamed = renameWasm(wasm, plan.module, plan.imports, plan.exports);
  const glue = renameGlue(GLUE, plan);
  assert.ok(!glue.includes(LOG) && !glue.includes(NOW) && !glue.includes(INVOKE), glue);
  assert.ok(renamed.length < wasm.length);
  assert.equal(readWasm(renamed).sections.filter((s) => s.id === 0).length, 0, 'no custom section');

  const module = new WebAssembly.Module(renamed);
  assert.deepEqual(
    WebAssembly.Module.imports(module).map((i) => `${i.module} ${i.name}`),
    [`${MODULE} a`, `${MODULE} b`, 'env memory'],
  );
  assert.deepEqual(WebAssembly.Module.exports(module).map((e) => e.name), ['run', short, 'memory']);
  // The renamed glue, made runnable: its imports object is what the wasm gets.
  assert.deepEqual(runGlue(glue, module), [7, 7]);
});

/** `glue` (with its `imports` object) run against `module`: what its `run` logged. */
function runGlue(glue, module) {
  const start = new Function(
    'instantiate',
    `${glue.replace(/export /g, '')}\nwasm = instantiate(imports).exports;\nreturn run();`,
  );
  const memory = new WebAssembly.Memory({ initial: 1 });
  return start((imports) => new WebAssembly.Instance(module, { ...imports, env: { memory } }));
}

test('renaming twice keeps every import key distinct, and the wasm still runs', () => {
  let wasm = smallWasm();
  let glue = GLUE;
  for (let round = 0; round < 2; round += 1) {
    const plan = planRenames(glue, readWasm(wasm));
    wasm = renameWasm(wasm, plan.module, plan.imports, plan.exports);
    glue = renameGlue(glue, plan);
  }
  const module = new WebAssembly.Module(wasm);
  const names = WebAssembly.Module.imports(module).map((i) => i.name);
  assert.equal(new Set(names).size, names.length, names.join(' '));
  assert.deepEqual(runGlue(glue, module), [7, 7]);
});

test('an export named like a piece of `wasm.` is renamed after it, and `xwasm.` is not the wasm', () => {
  const plan = { imports: new Map(), exports: new Map([['s', 'q'], ['as', 'r']]) };
  assert.equal(renameGlue('wasm.s(); wasm.as(); xwasm.s();', plan), 'wasm.q(); wasm.r(); xwasm.s();');
});

test('an import the glue does not define fails, and a name used otherwise keeps its name', () => {
  const wasm = readWasm(smallWasm());
  assert.throws(() => planRenames(GLUE.replace(NOW, 'other'), wasm), /does not define the import/);
  const quoted = `${GLUE}\nconst label = "${LOG}";`;
  assert.ok(!planRenames(quoted, wasm).imports.has(LOG));
  assert.ok(planRenames(GLUE, wasm, [`wasm.${INVOKE}`]).exports.size === 0, 'another file names the export');
});

test('only a closure shim\'s name counts as hashed: another export used otherwise keeps its name', () => {
  assert.ok(HASHED.test('wasm_bindgen__convert__closures_____invoke__h244c6a05ccdb2b16'));
  assert.ok(HASHED.test('wasm_bindgen__convert__closures_____invoke__h244c6a05ccdb2b16_15'));
  for (const name of ['benchLoad_065b4414430db6b1', '__wbg_log_0123456789abcdef', 'run_h0011223344556677']) {
    assert.ok(!HASHED.test(name), name);
  }
  // An export of the glue's own JS API, named with 16 hex digits: renaming it
  // everywhere would change the API.
  const api = 'api_0123456789abcdef';
  const glue = `${GLUE}\nexport function ${api}() { return wasm.${api}(); }`;
  const wasm = readWasm(smallWasm());
  assert.ok(!planRenames(glue, { ...wasm, exports: [...wasm.exports, api] }).exports.has(api));
});

/** The wasm-bindgen glue the built page imports (index.html's start-up module script names it). */
function builtGlue() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const name = /import init[^'"]*from\s*['"](?:[^'"]*\/)?([^'"/]+\.js)['"]/.exec(html)?.[1];
  assert.ok(name, 'the page imports its glue');
  return readFileSync(join(DIST, name), 'utf8');
}

test('the built wasm imports only names its glue defines, all of them short', async () => {
  const wasmFile = readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));
  const module = new WebAssembly.Module(readFileSync(join(DIST, wasmFile)));
  const imports = WebAssembly.Module.imports(module);
  assert.ok(imports.length > 100, `${imports.length} imports`);
  // The imports object the glue gives the wasm, from the glue itself (run in
  // node, with its function that builds the object exported).
  const dir = mkdtempSync(join(tmpdir(), 'glue-'));
  let given;
  try {
    const file = join(dir, 'glue.mjs');
    writeFileSync(file, `${builtGlue()}\nexport { __wbg_get_imports };\n`);
    given = (await import(pathToFileURL(file).href)).__wbg_get_imports();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const { module: from, name, kind } of imports) {
    assert.match(name, /^[A-Za-z][A-Za-z0-9]?$/);
    assert.equal(kind, 'function', name);
    assert.equal(typeof given[from]?.[name], 'function', `${from} ${name}`);
  }
  assert.equal(WebAssembly.Module.customSections(module, 'producers').length, 0);
});
