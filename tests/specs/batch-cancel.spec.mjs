// Cancel stops the worker: what was read stays, the rest is listed as
// cancelled, and nothing more arrives afterwards.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../support/harness.mjs';
import { corpusXml, dropTexts, fictionalBatch, rowCount, tally, waitForBatch } from '../support/batch.mjs';

test('cancel stops the parsing of a large batch', { timeout: 180_000 }, async () => {
  const corpus = corpusXml();
  if (!corpus) console.log('# corpus absent: the batch is the fictional set repeated');
  const set = corpus ?? fictionalBatch(6);
  const total = 20_000;
  await withApp(async ({ app }) => {
    const { page } = app;
    await dropTexts(page, set, { total });
    await page.waitForSelector('[data-test=cancel]:not([disabled])');
    // Let some inputs through, then cancel.
    await page.waitForFunction(() => {
      const bar = document.querySelector('[data-test=progress] progress');
      return bar && Number(bar.value) > 0;
    });
    await page.click('[data-test=cancel]');
    await waitForBatch(page, { timeout: 120_000 });
    const text = await tally(page);
    const count = (word) => Number((text.replace(/,/g, '').match(new RegExp(`(\\d+) ${word}`)) ?? [0, 0])[1]);
    const cancelled = count('cancelled');
    const read = count('parsed') + count('parsed with warnings') + count('failed');
    assert.ok(cancelled > 0, `some inputs cancelled: ${text}`);
    assert.equal(read + cancelled, total, `every input accounted for: ${text}`);
    assert.ok(read < total, 'the worker stopped before the end');
    const rows = await rowCount(page);
    // Nothing more arrives.
    await page.waitForTimeout(1500);
    assert.equal(await tally(page), text, 'no input read after the cancel');
    assert.deepEqual(await rowCount(page), rows);
    console.log(`# cancel: ${read} of ${total} inputs read, ${cancelled} cancelled, ${rows.total} rows kept`);
  });
});
