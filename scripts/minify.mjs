// Conservative minification of the release build's JS and CSS (issue 8: the
// app's size), run by scripts/csp.mjs, Trunk's post-build hook, before it
// hashes the inline scripts. Every JS and CSS file of dist/ loses its
// comments, its indentation, trailing spaces and blank lines, and runs of
// spaces become one; nothing inside a string, a template literal or a regular
// expression is touched, and no line break of JS code is removed (automatic
// semicolon insertion depends on them). CSS also loses the white space around
// `{`, `}`, `;` and `,`. The `integrity` hashes index.html gives the files are
// computed again. index.html itself is left as it is: "Save a copy" reads it
// (Trunk's own minifier, which rewrites it, broke that; README, Size).
//
// Each minified JS file must still parse (`node --check`), else the build fails.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

/** Words after which a `/` starts a regular expression, not a division. */
const BEFORE_REGEX = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else',
  'yield', 'await',
]);

/**
 * `source` cut into pieces: `{ code }` (to be minified) and `{ keep }` (strings,
 * template literals and regular expressions, as written). Comments are dropped:
 * a block comment becomes a line break if it held one (for semicolon insertion),
 * else a space. Throws on an unterminated string, template, regex or comment.
 */
export function jsPieces(source) {
  const pieces = [];
  let code = '';
  const flush = () => {
    if (code) pieces.push({ code });
    code = '';
  };
  const keep = (text) => {
    flush();
    pieces.push({ keep: text });
  };
  // The last significant thing before a `/`: does it end an operand?
  let last = '';
  // Brace depths of the `${` expressions open inside template literals.
  const templates = [];
  let depth = 0;
  let i = 0;
  const fail = (what) => {
    throw new Error(`minify: unterminated ${what} at offset ${i}`);
  };
  // The rest of a template literal from `i` (just after its backtick or a `}`
  // closing an expression) up to its end or its next `${`.
  const template = (open) => {
    let j = i;
    while (j < source.length && source[j] !== '`' && !(source[j] === '$' && source[j + 1] === '{')) {
      j += source[j] === '\\' ? 2 : 1;
    }
    if (j >= source.length) fail('template literal');
    if (source[j] === '`') {
      keep(open + source.slice(i, j + 1));
      i = j + 1;
      last = '`';
    } else {
      keep(open + source.slice(i, j + 2));
      i = j + 2;
      templates.push(depth);
      depth = 0;
      last = '{';
    }
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) fail('comment');
      code += source.slice(i, end).includes('\n') ? '\n' : ' ';
      i = end + 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      if (source[j] !== c) fail('string');
      keep(source.slice(i, j + 1));
      i = j + 1;
      last = c;
    } else if (c === '`') {
      i += 1;
      template('`');
    } else if (c === '}' && depth === 0 && templates.length) {
      depth = templates.pop();
      i += 1;
      template('}');
    } else if (c === '/' && !endsOperand(last)) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n' && (inClass || source[j] !== '/')) {
        if (source[j] === '\\') j += 1;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j += 1;
      }
      if (source[j] !== '/') fail('regular expression');
      j += 1;
      while (j < source.length && /[a-z]/.test(source[j])) j += 1;
      keep(source.slice(i, j));
      i = j;
      last = '/';
    } else {
      if (c === '{') depth += 1;
      else if (c === '}') depth -= 1;
      if (/[\w$]/.test(c)) {
        // A whole word (or number), so that `last` can be checked against keywords.
        let j = i;
        while (j < source.length && /[\w$]/.test(source[j])) j += 1;
        last = source.slice(i, j);
        code += last;
        i = j;
        continue;
      }
      if (!/\s/.test(c)) last = c;
      code += c;
      i += 1;
    }
  }
  if (templates.length) fail('template expression');
  flush();
  return pieces;
}

/** Whether a `/` after `last` (a word, or one character) is a division. */
function endsOperand(last) {
  if (last === '') return false;
  if (/^[\w$]+$/.test(last)) return !BEFORE_REGEX.has(last);
  return last === ')' || last === ']' || last === '}' || last === '"' || last === "'" || last === '`' || last === '/';
}

/**
 * `pieces` put together again, each line of code without its indentation and
 * trailing spaces, runs of spaces as one, and no blank lines; `tidy` (if any)
 * tightens each piece of code further.
 */
function assemble(pieces, tidy = (code) => code) {
  let out = '';
  for (const piece of pieces) {
    if (piece.keep !== undefined) {
      out += piece.keep;
      continue;
    }
    let code = piece.code.replace(/[ \t\r\f\v\u00a0\ufeff]+/g, ' ').replace(/ ?\n ?/g, '\n');
    code = tidy(code).replace(/\n+/g, '\n');
    // A line break at the start may follow a line break already written, or the file's start.
    if (out === '' || out.endsWith('\n')) code = code.replace(/^[ \n]+/, '');
    out += code;
  }
  return out.replace(/[ \n]+$/, '') + '\n';
}

/** `source` (JavaScript) minified as the head of this file says. */
export function minifyJs(source) {
  return assemble(jsPieces(source));
}

/** `source` (CSS) cut into `{ code }` and `{ keep }` (strings) pieces, comments dropped. */
function cssPieces(source) {
  const pieces = [];
  let code = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) throw new Error(`minify: unterminated CSS comment at offset ${i}`);
      code += ' ';
      i = end + 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      if (source[j] !== c) throw new Error(`minify: unterminated CSS string at offset ${i}`);
      if (code) pieces.push({ code });
      pieces.push({ keep: source.slice(i, j + 1) });
      code = '';
      i = j + 1;
    } else {
      code += c;
      i += 1;
    }
  }
  if (code) pieces.push({ code });
  return pieces;
}

/** `source` (CSS) minified as the head of this file says. */
export function minifyCss(source) {
  return assemble(cssPieces(source), (code) => code.replace(/\s*([{};,])\s*/g, '$1'));
}

/**
 * `text` with every `integrity` hash of a link to `file` computed again from
 * `bytes`. The link is known by the last part of its path, whatever the public
 * URL before it (`./`, `/` as `trunk serve` writes it, or `/<repository>/`).
 */
export function reintegrate(html, file, bytes) {
  return html.replace(/<[^>]*>/g, (tag) => {
    const href = /\b(?:href|src)="([^"]*)"/.exec(tag)?.[1];
    if (href?.split('/').pop() !== file) return tag;
    return tag.replace(/\bintegrity="(sha256|sha384|sha512)-[^"]*"/, (_, algorithm) => {
      const digest = createHash(algorithm).update(bytes).digest('base64');
      return `integrity="${algorithm}-${digest}"`;
    });
  });
}

/** Minify every JS and CSS file at the top of `dir` and fix the hashes of `dir/index.html`. */
export function minifyDist(dir) {
  const page = join(dir, 'index.html');
  let html = readFileSync(page, 'utf8');
  let before = 0;
  let after = 0;
  for (const name of readdirSync(dir).sort()) {
    const kind = extname(name);
    if (kind !== '.js' && kind !== '.css') continue;
    const path = join(dir, name);
    const source = readFileSync(path, 'utf8');
    const minified = kind === '.js' ? minifyJs(source) : minifyCss(source);
    if (kind === '.js') {
      const check = spawnSync(process.execPath, ['--check', '--input-type=module'], { input: minified });
      if (check.status !== 0) throw new Error(`minify: ${name} no longer parses:\n${check.stderr}`);
    }
    writeFileSync(path, minified);
    html = reintegrate(html, name, Buffer.from(minified, 'utf8'));
    before += Buffer.byteLength(source);
    after += Buffer.byteLength(minified);
  }
  writeFileSync(page, html);
  return { before, after };
}
