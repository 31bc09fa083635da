// The release build's JS and CSS are minified by scripts/minify.mjs (Trunk's
// post-build hook): comments and indentation go, and nothing inside a string,
// a template literal or a regular expression changes. Also checks the build in
// dist/: every JS file parses, and every integrity hash matches its file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { minifyCss, minifyJs, reintegrate } from '../../scripts/minify.mjs';
import { DIST } from '../support/harness.mjs';

test('JS loses comments and indentation, and keeps strings, templates and regexes', () => {
  const source = [
    '// a comment',
    'export function f(a, b) {',
    '    /* a block',
    '       comment */',
    "    const s = '  // not a comment  ', t = \"/* nor this */\";",
    '    const u = `line one',
    '    // still the template ${a + `inner ${b}`} and  spaces`;',
    '    const r = /\\/\\/ [/*]  x/g.test(s) ? a / b / 2 : typeof /re  /;',
    '',
    '    return { s, t, u, r }; // trailing',
    '}',
    '',
  ].join('\n');
  assert.equal(
    minifyJs(source),
    [
      'export function f(a, b) {',
      "const s = '  // not a comment  ', t = \"/* nor this */\";",
      'const u = `line one',
      '    // still the template ${a + `inner ${b}`} and  spaces`;',
      'const r = /\\/\\/ [/*]  x/g.test(s) ? a / b / 2 : typeof /re  /;',
      'return { s, t, u, r };',
      '}',
      '',
    ].join('\n'),
  );
});

test('JS that cannot be read is refused, not mangled', () => {
  assert.throws(() => minifyJs("const s = 'open"), /unterminated string/);
  assert.throws(() => minifyJs('const t = `open'), /unterminated template/);
  assert.throws(() => minifyJs('/* open'), /unterminated comment/);
});

test('CSS loses comments and the space around braces, semicolons and commas', () => {
  const source = '/* theme */\n:root {\n  --x: "a  /* b */";\n}\n\na:hover,\nb > c {\n  margin: calc(1px + 2px) 0;\n}\n';
  assert.equal(minifyCss(source), ':root{--x: "a  /* b */";}a:hover,b > c{margin: calc(1px + 2px) 0;}\n');
});

test('an integrity hash is computed again whatever the public URL before the file', () => {
  const bytes = Buffer.from('x');
  const digest = createHash('sha384').update(bytes).digest('base64');
  for (const href of ['app.js', './app.js', '/app.js', '/filing-inspector/app.js']) {
    const html = `<link rel="modulepreload" href="${href}" integrity="sha384-old"><link href="/other.js" integrity="sha384-old">`;
    assert.equal(
      reintegrate(html, 'app.js', bytes),
      `<link rel="modulepreload" href="${href}" integrity="sha384-${digest}"><link href="/other.js" integrity="sha384-old">`,
    );
  }
});

test('the built JS parses and every integrity hash matches its file', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  let checked = 0;
  for (const [, file, algorithm, digest] of html.matchAll(/href="\.?\/?([^"]+)"[^>]*integrity="(sha\d+)-([^"]+)"/g)) {
    assert.equal(createHash(algorithm).update(readFileSync(join(DIST, file))).digest('base64'), digest, file);
    checked += 1;
  }
  assert.ok(checked >= 2, `integrity checked on ${checked} files`);
  for (const name of readdirSync(DIST).filter((n) => n.endsWith('.js'))) {
    const check = spawnSync(process.execPath, ['--check', '--input-type=module'], { input: readFileSync(join(DIST, name)) });
    assert.equal(check.status, 0, `${name}: ${check.stderr}`);
  }
});
