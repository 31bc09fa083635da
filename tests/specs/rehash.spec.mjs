// Issue 8's cache bug: the service worker serves a hashed file name cache first,
// so a name must change whenever the file's bytes do, the post-build hook's
// rewriting included. scripts/rehash.mjs names every hashed file after its
// final bytes: checked on a small build written here (as Trunk names its
// files) and on the build in dist/.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { contentHash, hashedName, mentions, rehashDist, resize } from '../../scripts/rehash.mjs';
import { DIST, ROOT } from '../support/harness.mjs';

/** A build as Trunk writes it, its hook not yet run: `{ file: text }`, with `css` as the style sheet. */
function trunkBuild(css = 'a{color:red}\n') {
  return {
    'index.html': [
      '<!doctype html><html><head>',
      '<link rel="stylesheet" href="./style-1a2b.css" integrity="sha384-old"/>',
      '<script type="module">',
      "import init from './app-3c.js';",
      "import initializer from './4d-loader.js';",
      "await __trunkInitializer(init, './app-3c_bg.wasm', 99999, initializer(), true);",
      '</script>',
      '<link rel="modulepreload" href="./app-3c.js" crossorigin="anonymous" integrity="sha384-old">',
      '<link rel="modulepreload" href="./4d-loader.js" crossorigin="anonymous" integrity="sha384-old">',
      '<link rel="preload" href="./app-3c_bg.wasm" crossorigin="anonymous" integrity="sha384-old" as="fetch" type="application/wasm">',
      '</head><body></body></html>',
    ].join('\n'),
    'style-1a2b.css': css,
    'app-3c.js': "export default function init() { return new URL('app-3c_bg.wasm', import.meta.url); }\n",
    'app-3c_bg.wasm': '\0asm wasm bytes',
    '4d-loader.js': 'export default () => ({});\n',
    'worker.js': "import('./not-hashed.js');\n",
  };
}

/** `files` written to a new temporary folder, then `run` on it; the folder's files after, as text. */
function inBuild(files, run) {
  const dir = mkdtempSync(join(tmpdir(), 'rehash-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const result = run(dir);
    const after = Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
    return { result, after };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every `integrity` of `html` against the bytes of the file its link names in `files`. */
function assertIntegrity(html, files) {
  const links = [...html.matchAll(/<link[^>]*\bhref="\.\/([^"]+)"[^>]*\bintegrity="sha384-([^"]+)"/g)];
  assert.ok(links.length > 0, 'links with integrity');
  for (const [, name, digest] of links) {
    assert.ok(name in files, `${name} is a file of the build`);
    assert.equal(digest, createHash('sha384').update(files[name]).digest('base64'), name);
  }
}

test('Trunk\'s hashed names are told apart from the others', () => {
  assert.deepEqual(hashedName('style-1a2b.css'), { stem: 'style', suffix: '.css' });
  assert.deepEqual(hashedName('filing-web-0123456789abcdef_bg.wasm'), { stem: 'filing-web', suffix: '_bg.wasm' });
  assert.deepEqual(hashedName('filing-web-f.js'), { stem: 'filing-web', suffix: '.js' });
  assert.deepEqual(hashedName('4d-loader.js'), { stem: 'loader', suffix: '.js' });
  for (const name of ['index.html', 'worker.js', 'sw.js', 'style-main.css']) assert.equal(hashedName(name), null, name);
  assert.ok(mentions("from './app-3c.js';", 'app-3c.js'));
  assert.ok(!mentions("from './app-3c.js.map';", 'app-3c.js') && !mentions('xapp-3c.js', 'app-3c.js'));
});

test('every hashed file is named after its final bytes, and every mention of it follows', () => {
  const { result: renames, after } = inBuild(trunkBuild(), rehashDist);
  assert.equal(renames.size, 4);
  const html = after['index.html'];
  for (const [old, renamed] of renames) {
    const { stem, suffix } = hashedName(old);
    assert.equal(renamed, `${stem}-${contentHash(Buffer.from(after[renamed]))}${suffix}`);
    assert.match(renamed, /-[0-9a-f]{16}(_bg)?\.[a-z]+$/, 'the service worker\'s pattern of a hashed name');
    assert.ok(!(old in after), `${old} is gone`);
    for (const [file, text] of Object.entries(after)) assert.ok(!mentions(text, old), `${file} still names ${old}`);
    assert.ok(mentions(html, renamed), `index.html names ${renamed}`);
  }
  // The glue names the wasm by its new name, and is named after those bytes.
  const glue = renames.get('app-3c.js');
  assert.ok(mentions(after[glue], renames.get('app-3c_bg.wasm')));
  assertIntegrity(html, after);
  // The loading bar's total: the wasm's final size, not Trunk's figure.
  const wasm = renames.get('app-3c_bg.wasm');
  assert.ok(html.includes(`__trunkInitializer(init, './${wasm}', ${Buffer.byteLength(after[wasm])}, initializer()`), html);
  assert.equal(after['worker.js'], trunkBuild()['worker.js'], 'a file without a hashed name is left alone');
});

test('a file the hook rewrote differently gets a new name; the same bytes keep theirs (issue 8)', () => {
  // Trunk hashed both builds' style sheet as style-1a2b.css; the hook then made
  // different bytes of it (as a change to the minifier alone would).
  const first = inBuild(trunkBuild('a{color:red}\n'), rehashDist).result;
  const second = inBuild(trunkBuild('a{color:blue}\n'), rehashDist).result;
  const again = inBuild(trunkBuild('a{color:red}\n'), rehashDist).result;
  assert.notEqual(first.get('style-1a2b.css'), second.get('style-1a2b.css'));
  assert.deepEqual([...again], [...first]);
  assert.equal(first.get('app-3c_bg.wasm'), second.get('app-3c_bg.wasm'));
});

test('the start-up script\'s wasm size is the named file\'s, under any public URL', () => {
  const sizes = { 'a-1.wasm': 7 };
  const sizeOf = (name) => sizes[name] ?? null;
  assert.equal(resize("__trunkInitializer(init, '/x/a-1.wasm', 123, f())", sizeOf), "__trunkInitializer(init, '/x/a-1.wasm', 7, f())");
  assert.equal(resize("__trunkInitializer(init, './b.wasm', 123, f())", sizeOf), "__trunkInitializer(init, './b.wasm', 123, f())");
});

test('files that name each other fail the build', () => {
  const files = { ...trunkBuild(), '4d-loader.js': "import './app-3c.js';\n", 'app-3c.js': "import './4d-loader.js';\n" };
  assert.throws(() => inBuild(files, rehashDist), /name each other or themselves/);
});

test('a hashed file reached only through another file is named after its bytes too', () => {
  const files = { ...trunkBuild(), 'worker.js': "import('./part-5e.js');\n", 'part-5e.js': 'export const x = 1;\n' };
  const { result: renames, after } = inBuild(files, rehashDist);
  const part = renames.get('part-5e.js');
  assert.equal(part, `part-${contentHash(Buffer.from(files['part-5e.js']))}.js`);
  assert.ok(!('part-5e.js' in after) && part in after);
  assert.equal(after['worker.js'], `import('./${part}');\n`);
});

test('running the hook again keeps every name and every byte', () => {
  const { result } = inBuild(trunkBuild(), (dir) => {
    const first = rehashDist(dir);
    const files = () => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
    const built = files();
    const second = rehashDist(dir);
    return { first, second, built, again: files() };
  });
  assert.deepEqual([...result.second.keys()].sort(), [...result.first.values()].sort());
  for (const [name, renamed] of result.second) assert.equal(renamed, name, `${name} keeps its name`);
  assert.deepEqual(result.again, result.built);
});

test('a new name that is already another file\'s fails the build', () => {
  // Two style sheets Trunk named apart whose final bytes are the same.
  const files = { ...trunkBuild(), 'style-9f.css': trunkBuild()['style-1a2b.css'] };
  assert.throws(() => inBuild(files, rehashDist), /already another file's/);
});

test('a name with characters special in a regular expression is matched as written', () => {
  const files = {
    ...trunkBuild(),
    'a.b+c-3c.js': 'export {};\n',
    'worker.js': "import('./a.b+c-3c.js');\nimport('./axbbc-3c.js');\n",
  };
  const { result: renames, after } = inBuild(files, rehashDist);
  const renamed = renames.get('a.b+c-3c.js');
  assert.equal(renamed, `a.b+c-${contentHash(Buffer.from(files['a.b+c-3c.js']))}.js`);
  assert.equal(after['worker.js'], `import('./${renamed}');\nimport('./axbbc-3c.js');\n`);
});

test('the built page links only files named after their bytes, which the service worker keeps cache first', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const sw = readFileSync(join(ROOT, 'web', 'sw.js'), 'utf8');
  const pattern = new RegExp(/const HASHED = \/(.*)\/;/.exec(sw)[1]);
  const linked = [...new Set([...html.matchAll(/\b(?:href|src)="\.?\/([^"/]+\.(?:js|css|wasm))"/g)].map((m) => m[1]))];
  const files = Object.fromEntries(linked.map((name) => [name, readFileSync(join(DIST, name))]));
  assert.ok(linked.length >= 5, linked.join(' '));
  for (const name of linked) {
    assert.match(name, pattern, `${name}: the service worker's pattern of a hashed name`);
    assert.equal(/-([0-9a-f]{16})(?:_bg)?\.[a-z]+$/.exec(name)[1], contentHash(files[name]), name);
  }
  assertIntegrity(html.replace(/href="\//g, 'href="./'), files);
  const [, wasm, size] = /__trunkInitializer\(init, '[^']*?([^'/]+)', (\d+),/.exec(html);
  assert.equal(Number(size), readFileSync(join(DIST, wasm)).length, 'the loading bar\'s total is the wasm\'s size');
});
