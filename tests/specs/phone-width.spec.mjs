// On a 390 px phone screen the page never scrolls sideways: long values wrap,
// and wide tables scroll inside their own box. The source view and a
// footnote's text fit on the screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { corpusAbsent, sharedFile, withApp } from '../support/harness.mjs';
import { pasteIntoArea } from '../support/page.mjs';
import { cell, pageScrollsSideways, pickSample } from '../support/inspector.mjs';

const PHONE = { width: 390, height: 844 };

test('no sideways page scroll at 390 px, whatever is shown', { timeout: 120_000 }, async () => {
  await withApp(
    async ({ app }) => {
      const { page } = app;
      assert.equal(await pageScrollsSideways(page), false, 'the empty page');
      for (const id of ['form4-options', 'form3', 'form5', 'joint', 'malformed', 'seed-2013-11', 'seed-2013-10']) {
        await pickSample(page, id);
        await page.waitForSelector('[data-test=filing]');
        assert.equal(await pageScrollsSideways(page), false, `sample ${id}`);
      }
      // Table II of the Form 4 sample is wider than the phone: it scrolls inside its box.
      await pickSample(page, 'form4-options');
      const box = await page.$eval('[data-test=table-ii] .scroll', (el) => ({
        scrolls: el.scrollWidth > el.clientWidth,
        right: el.getBoundingClientRect().right,
      }));
      assert.equal(box.scrolls, true);
      assert.ok(box.right <= PHONE.width, `the box stays on screen (right edge ${box.right})`);
    },
    { viewport: PHONE },
  );
});

test('the source view and footnote text fit a phone screen', { timeout: 60_000 }, async () => {
  await withApp(
    async ({ app }) => {
      const { page } = app;
      await pickSample(page, 'form4-options');
      await cell(page, 'table-i', 1, 'transaction-price-per-share').click();
      const view = await page.$eval('[data-test=source-view]', (el) => el.getBoundingClientRect().toJSON());
      assert.ok(view.left >= 0 && view.right <= PHONE.width, JSON.stringify(view));
      assert.ok(view.bottom <= PHONE.height + 1 && view.top > 0, 'a sheet over the lower part of the screen');
      assert.equal(await page.isVisible('[data-test=source-mark]'), true);
      await page.click('[data-test=source-close]');

      await page.focus('[data-test=table-i] [data-footnote=F2]');
      const tip = await page.$eval('[data-test=footnote-tip]', (el) => el.getBoundingClientRect().toJSON());
      assert.ok(tip.width > 0 && tip.left >= 0 && tip.right <= PHONE.width, JSON.stringify(tip));
      assert.equal(await pageScrollsSideways(page), false);
    },
    { viewport: PHONE },
  );
});

// Real filings in the corpus, in the widest renderings: a full submission, an
// EDGAR page, PDF text with its layout kept and raw PDF text.
const REAL = [
  'corpus/txt/0001127602-25-001055.txt',
  'corpus/html/SNOW-2022-01-31-826a3a1a.html',
  'corpus/text/pdftext/0000070858-25-000310.txt',
  'corpus/text/pdfraw/0000070858-25-000310.txt',
];

test('real filings from the corpus fit a phone screen too', { timeout: 120_000 }, async (t) => {
  const present = REAL.map((path) => [path, sharedFile(path)]);
  const absent = present.filter(([, full]) => !full);
  if (absent.length) return t.skip(corpusAbsent(absent[0][0]));
  await withApp(
    async ({ app }) => {
      for (const [path, full] of present) {
        await pasteIntoArea(app.page, await readFile(full, 'utf8'));
        await app.page.waitForSelector('[data-test=document]');
        assert.equal(await pageScrollsSideways(app.page), false, path);
      }
    },
    { viewport: PHONE },
  );
});
