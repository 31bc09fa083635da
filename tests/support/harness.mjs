// What every browser spec needs: the built page served from dist/ on a
// loopback port (under any path prefix), headless Chromium driven by
// playwright-core, the problems the page ran into, and the corpus when present.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * The release build the specs run against (`trunk build --release --public-url ./`);
 * FILING_DIST names another build directory (e.g. one built with `--dist`).
 */
export const DIST = process.env.FILING_DIST ? resolve(process.env.FILING_DIST) : join(ROOT, 'dist');
/** Where screenshots go (ignored by git). */
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
/** The shared test data, beside the clone. Never copied into the repository. */
export const SHARED = resolve(ROOT, '..', 'shared');
/** Debian's Chromium; CHROMIUM overrides. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** A fixture committed in tests/fixtures/. */
export function fixture(name) {
  return join(ROOT, 'tests', 'fixtures', name);
}

/**
 * The path of a file under ../shared (e.g. `corpus/xml/x.xml`), or null when
 * the shared data is absent, in which case the caller must skip and say so:
 * `t.skip(corpusAbsent(path))`.
 */
export function sharedFile(path) {
  const full = join(SHARED, path);
  return existsSync(full) ? full : null;
}

/** The message for a skipped corpus check. */
export function corpusAbsent(path) {
  const message = `corpus absent: ${join(SHARED, path)} not found, so this check did not run`;
  console.log(message);
  return message;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/**
 * Serve `dir` at `prefix` (e.g. `/filing-inspector/`) on 127.0.0.1 and an
 * ephemeral port. Returns `{ origin, url, served, close }`; `served` lists
 * the paths answered, with their status.
 */
export async function serveDist({ dir = DIST, prefix = '/' } = {}) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run trunk build --release --public-url ./ first`);
  }
  const served = [];
  const server = http.createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const answer = (status, headers, body) => {
      served.push({ path, status });
      response.writeHead(status, headers);
      response.end(body);
    };
    if (prefix !== '/' && path === prefix.slice(0, -1)) {
      return answer(301, { Location: prefix }, '');
    }
    if (!path.startsWith(prefix)) return answer(404, {}, 'not found');
    let relative = path.slice(prefix.length);
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = normalize(join(dir, relative));
    if (!file.startsWith(dir)) return answer(403, {}, 'forbidden');
    try {
      const body = await readFile(file);
      answer(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }, body);
    } catch {
      answer(404, {}, 'not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    served,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

// Without the background-networking flags Chromium tries to reach Google's
// hosts at start, which this machine's closed network refuses.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launch headless Chromium with a fresh profile and open `url`, waiting until
 * the app has started (the loading note is gone and the paste area is there)
 * unless `started` is false. `colorScheme` is what the OS prefers (light or
 * dark); `prepare(page)` runs before the page is opened (e.g. to route requests).
 * Returns `{ page, requests, problems, close }`: `requests` lists every URL
 * the page asked for; `problems` the console errors and uncaught exceptions.
 */
export async function openApp(
  url,
  { viewport = { width: 1280, height: 900 }, colorScheme = 'light', prepare = async () => {}, started = true } = {},
) {
  const profile = await mkdtemp(join(tmpdir(), 'filing-inspector-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
    colorScheme,
  });
  const requests = [];
  const problems = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await prepare(page);
  await page.goto(url);
  if (started) {
    await page.waitForSelector('[data-test=paste-area]');
    await page.waitForSelector('[data-test=loading]', { state: 'detached' });
  }
  return {
    page,
    requests,
    problems,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Run `body({ server, app })` with dist served at `prefix` and the app opened
 * at `at(server)` (by default the prefix itself), closing both after; other
 * options go to `openApp`. Fails if the page logged a console error or threw
 * (a Rust panic shows as both, through console_error_panic_hook), except the
 * problems `allowProblems(text)` says the spec caused on purpose.
 */
export async function withApp(
  body,
  { prefix = '/', at = (server) => server.url, allowProblems = () => false, ...options } = {},
) {
  const server = await serveDist({ prefix });
  try {
    const app = await openApp(at(server), options);
    try {
      await body({ server, app });
      assert.deepEqual(
        app.problems.filter((problem) => !allowProblems(problem)),
        [],
        'the page logged no error',
      );
    } finally {
      await app.close();
    }
  } finally {
    await server.close();
  }
}
