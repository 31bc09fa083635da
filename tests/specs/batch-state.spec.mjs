// State that lasts: the view in the URL fragment (never the query string),
// the last session restored on reload, the opt-out that clears it, and a
// shared link that never overwrites the user's own saved session.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, serveDist } from '../support/harness.mjs';
import { dropTexts, fictionalBatch, rowCount, tally, waitForBatch, waitForShown } from '../support/batch.mjs';

const files = fictionalBatch(12); // 2 × (4 + 2 + 4 + 1 + 5 + 3) = 38 rows
const TOTAL = 38;

async function withServer(body) {
  const server = await serveDist();
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

test('filters, sort and selection go to the fragment and come back from it', { timeout: 120_000 }, async () => {
  await withServer(async (server) => {
    const app = await openApp(server.url);
    let hash;
    let link;
    try {
      const { page } = app;
      await dropTexts(page, files);
      await waitForBatch(page);
      await page.fill('[data-test=owner-filter]', 'Roe');
      await page.click('[data-test=code-filter] button[data-code=S]');
      await page.click('[data-test=sort][data-column=price]');
      await page.click('[data-test=sort][data-column=price]');
      await waitForShown(page, 2); // the options sale, twice
      await page.locator('[data-test=combined-row]').first().click();
      await page.waitForFunction(() => /sel=\d+/.test(location.hash));
      hash = await page.evaluate(() => location.hash);
      assert.equal(await page.evaluate(() => location.search), '', 'never the query string');
      const pairs = new URLSearchParams(hash.slice(1));
      assert.equal(pairs.get('owner'), 'Roe');
      assert.equal(pairs.get('codes'), 'S');
      assert.equal(pairs.get('sort'), '-price');
      // Both sales cost 31.2044 (equal values keep the input order): the first is the 5th input's filing.
      assert.equal(pairs.get('sel'), '5');
      // A link with the inputs too (compressed, in the fragment).
      await page.check('[data-test=share-inputs]');
      await page.click('[data-test=share]');
      link = await page.inputValue('[data-test=share-link]');
      assert.deepEqual(app.problems, []);
    } finally {
      await app.close();
    }
    // A fresh browser opening the view's fragment, given the same files, shows the same view.
    const again = await openApp(server.url + hash);
    try {
      const { page } = again;
      await dropTexts(page, files);
      await waitForBatch(page);
      await waitForShown(page, 2);
      assert.equal(await page.inputValue('[data-test=owner-filter]'), 'Roe');
      assert.equal(await page.getAttribute('th[data-column=price]', 'aria-sort'), 'descending');
      assert.equal(await page.getAttribute('[data-code=S]', 'aria-pressed'), 'true');
      const pairs = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1));
      assert.deepEqual([pairs.get('owner'), pairs.get('codes'), pairs.get('sort')], ['Roe', 'S', '-price']);
      assert.deepEqual(again.problems, []);
    } finally {
      await again.close();
    }
    // The link with the inputs brings the whole view back, selection included.
    const shared = await openApp(link);
    try {
      const { page } = shared;
      await waitForBatch(page);
      await waitForShown(page, 2);
      assert.match(await tally(page), /^12 inputs/);
      await page.waitForSelector('[data-test=combined-row][aria-selected=true]');
      assert.equal(new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('sel'), '5');
      assert.deepEqual(shared.problems, []);
    } finally {
      await shared.close();
    }
  });
});

test('reload restores the last session; opting out clears it', { timeout: 120_000 }, async () => {
  await withServer(async (server) => {
    const app = await openApp(server.url);
    try {
      const { page } = app;
      assert.equal(await page.isChecked('[data-test=remember]'), true, 'kept by default');
      await dropTexts(page, files);
      await waitForBatch(page);
      // The worker saves the inputs once parsed; give it a moment, then reload.
      await page.waitForTimeout(1500);
      await page.reload();
      await page.waitForSelector('[data-test=session-note]');
      assert.match(await page.textContent('[data-test=session-note]'), /Restored your last session: 12 inputs/);
      await waitForBatch(page);
      assert.deepEqual(await rowCount(page), { shown: TOTAL, total: TOTAL });
      assert.match(await tally(page), /^12 inputs · 12 parsed/);
      const names = await page.$$eval('[data-test=input-name]', (cells) => cells.map((c) => c.textContent));
      assert.deepEqual(names.slice(0, 3), files.slice(0, 3).map((f) => f.name), 'the same files, in order');

      // Opt out: the saved session is cleared, and a reload starts empty.
      await page.uncheck('[data-test=remember]');
      await page.waitForFunction(() =>
        /no longer kept/.test(document.querySelector('[data-test=session-note]')?.textContent ?? ''),
      );
      await page.reload();
      await page.waitForSelector('[data-test=paste-area]');
      await page.waitForTimeout(1000);
      assert.equal(await page.isChecked('[data-test=remember]'), false, 'the choice is remembered');
      assert.equal(await page.$('[data-test=batch]'), null, 'nothing restored');
      assert.equal(await page.$('[data-test=document]'), null);
      assert.deepEqual(app.problems, []);
    } finally {
      await app.close();
    }
  });
});

test('a shared link with inputs does not overwrite the saved session', { timeout: 120_000 }, async () => {
  await withServer(async (server) => {
    const app = await openApp(server.url);
    try {
      const { page } = app;
      const own = files.slice(0, 3);
      await dropTexts(page, own);
      await waitForBatch(page);
      await page.waitForTimeout(1500); // saved
      // A link to a view of other inputs, made in this page.
      await dropTexts(page, files.slice(6, 8));
      await waitForBatch(page);
      await page.check('[data-test=share-inputs]');
      await page.click('[data-test=share]');
      const link = await page.inputValue('[data-test=share-link]');
      assert.match(link, /#.*in=/, 'the inputs are in the fragment');
      assert.ok(!new URL(link).search, 'never the query string');
      // Own work again, saved; then the link opened.
      await dropTexts(page, own);
      await waitForBatch(page);
      await page.waitForTimeout(1500);
      await page.goto(link);
      await page.waitForFunction(() => /shared link/.test(document.querySelector('[data-test=session-note]')?.textContent ?? ''));
      await waitForBatch(page);
      assert.match(await tally(page), /^2 inputs/);
      // Back without the link: the own session of three inputs.
      await page.goto(server.url);
      await page.waitForSelector('[data-test=session-note]');
      assert.match(await page.textContent('[data-test=session-note]'), /Restored your last session: 3 inputs/);
      assert.deepEqual(app.problems, []);
    } finally {
      await app.close();
    }
  });
});
