// Above the documented size (an input over 4 MB: web/src/batch/mod.rs,
// DETAIL_LIMIT_BYTES) the page says so and shows the input's rows and totals
// instead of laying out its detailed view (which would freeze the page).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fixture, withApp } from '../support/harness.mjs';
import { rowCount, dropTexts } from '../support/batch.mjs';

test('an input over 4 MB: a note and its summary, not its detailed view', { timeout: 120_000 }, async () => {
  // Our fictional Form 4 (4 rows), made 4.5 MB by a comment after it.
  const text = readFileSync(fixture('form4-fictional.xml'), 'utf8') + `<!-- ${'padding '.repeat(562_500)} -->\n`;
  assert.ok(text.length > 4_000_000);
  await withApp(async ({ app }) => {
    const { page } = app;
    await dropTexts(page, [{ name: 'large.xml', text }]);
    await page.waitForSelector('[data-test=detail-note]');
    const note = await page.textContent('[data-test=detail-note]');
    assert.match(note, /large\.xml is 4\.5 MB: too large to show in detail/);
    assert.match(note, /the limit is 4\.0 MB/);
    await page.waitForFunction(() => /^\s*4 of 4 rows/.test(document.querySelector('[data-test=row-count]')?.textContent ?? ''));
    assert.deepEqual(await rowCount(page), { shown: 4, total: 4 });
    await page.waitForSelector('[data-test=summaries]');
    assert.match(await page.textContent('[data-test=summaries]'), /Doe Jane Q/i);
    assert.equal(await page.$('[data-test=document]'), null, 'no detailed view');
  });
});
