// Where no worker can start, parsing runs on the page itself, in short
// slices, with a note saying so. The built page opened from disk (file://),
// whose modules and wasm Chrome refuses there, says why it cannot start
// instead of "Loading…" for ever; the page's "Save a copy" makes one HTML
// file that does work from disk.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { DIST, openApp, serveDist } from '../support/harness.mjs';
import { download, dropTexts, fictionalBatch, rowCount, tally, waitForBatch } from '../support/batch.mjs';
import { pickSample } from '../support/inspector.mjs';

test('no worker (its script refused): the page parses by itself, and says so', { timeout: 120_000 }, async () => {
  const server = await serveDist();
  const app = await openApp(server.url, {
    prepare: (page) => page.context().route('**/worker.js', (route) => route.fulfill({ status: 404, body: 'not found' })),
  });
  try {
    const { page } = app;
    await dropTexts(page, fictionalBatch(12));
    await page.waitForSelector('[data-test=on-page-note]');
    assert.match(await page.textContent('[data-test=on-page-note]'), /parsed on this page itself: the parsing worker could not start \(its script or module did not load\)/);
    await waitForBatch(page);
    assert.deepEqual(await rowCount(page), { shown: 38, total: 38 });
    assert.match(await tally(page), /^12 inputs/);
    assert.doesNotMatch(await tally(page), /failed|waiting/);
    // Filters and exports are answered by the same code on the page.
    await page.click('[data-test=code-filter] button[data-code=P]');
    await page.waitForFunction(() => /^\s*6 of 38 rows/.test(document.querySelector('[data-test=row-count]').textContent));
    // The worker's script failing to load is the one error expected.
    assert.deepEqual(app.problems.filter((p) => !/404|worker\.js/.test(p)), []);
  } finally {
    await app.close();
    await server.close();
  }
});

test('the page opened from disk (file://) says why it cannot start there', { timeout: 60_000 }, async () => {
  const url = pathToFileURL(join(DIST, 'index.html')).href;
  const app = await openApp(url, { started: false });
  try {
    const { page } = app;
    await page.waitForSelector('[data-test=loading][data-state=failed]', { timeout: 30_000 }).catch(() => null);
    const started = await page.$('[data-test=paste-area]');
    if (started) {
      // A browser that runs modules from disk: the page works, in a worker or on the page.
      await dropTexts(page, fictionalBatch(6));
      await waitForBatch(page);
      assert.deepEqual(await rowCount(page), { shown: 19, total: 19 });
      console.log('# file://: the page started and parsed');
    } else {
      await page.waitForSelector('[data-test=saved-copy-note]');
      assert.match(await page.textContent('[data-test=saved-copy-note]'), /opened from your disk.*Open the page online once/s);
      console.log('# file://: this Chromium refuses the modules; the page says so');
    }
  } finally {
    await app.close();
  }
});

test('"Save a copy" gives one HTML file that works from disk', { timeout: 120_000 }, async () => {
  const server = await serveDist();
  const folder = await mkdtemp(join(tmpdir(), 'filing-inspector-copy-'));
  let saved;
  try {
    const online = await openApp(server.url);
    try {
      const copy = await download(online.page, 'save-copy');
      assert.equal(copy.name, 'filing-inspector.html');
      saved = join(folder, copy.name);
      await writeFile(saved, copy.bytes);
      assert.ok(!/<link rel="(stylesheet|modulepreload|preload)"/.test(copy.bytes.toString('utf8')), 'links no file');
    } finally {
      await online.close();
    }
    await server.close();
    const app = await openApp(pathToFileURL(saved).href);
    try {
      const { page } = app;
      await dropTexts(page, fictionalBatch(6));
      await waitForBatch(page);
      assert.deepEqual(await rowCount(page), { shown: 19, total: 19 });
      assert.doesNotMatch(await tally(page), /failed|waiting/);
      const onPage = await page.$('[data-test=on-page-note]');
      console.log(`# saved copy from disk: parsed ${onPage ? 'on the page (no worker from file://)' : 'in a worker'}`);
      // One filing alone shows in detail, as online; the copy holds the samples too.
      await pickSample(page, 'form4-options');
      assert.equal(await page.textContent('[data-test=document-name]'), 'form4-options-fictional.xml');
      // The worker refused from disk may log its failure; nothing else may.
      assert.deepEqual(app.problems.filter((p) => !/worker|blob:/i.test(p)), []);
    } finally {
      await app.close();
    }
  } finally {
    await server.close().catch(() => {});
    await rm(folder, { recursive: true, force: true });
  }
});
