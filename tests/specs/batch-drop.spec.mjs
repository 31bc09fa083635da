// Dropping 50 files at once: every file is listed with its status, and every
// row of every filing is in the one combined table. The expected counts are
// read off the files themselves (the fictional ones by a person, see
// tests/support/batch.mjs; the corpus ones by counting the SEC's row
// elements in the XML), never from the app.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusAbsent, withApp } from '../support/harness.mjs';
import { corpusXml, dropTexts, fictionalBatch, readXmlRows, rowCount, tally, waitForBatch } from '../support/batch.mjs';

async function listedCount(page) {
  // The input list is virtualized: its row count is in aria-rowcount (headings included).
  return Number(await page.getAttribute('[data-test=input-table]', 'aria-rowcount')) - 1;
}

test('50 fictional files dropped: all listed, all rows combined', { timeout: 120_000 }, async () => {
  const files = fictionalBatch(50);
  await withApp(async ({ app }) => {
    const { page } = app;
    await dropTexts(page, files);
    await waitForBatch(page);
    assert.equal(await listedCount(page), 50);
    assert.match(await tally(page), /^50 inputs · 50 parsed/);
    assert.doesNotMatch(await tally(page), /failed|waiting|cancelled/);
    const expected = files.reduce((sum, f) => sum + f.expected.rows, 0);
    assert.equal(expected, 158, 'the fixture set: 9×4 + 9×2 + 8×4 + 8×1 + 8×5 + 8×3 rows');
    assert.deepEqual(await rowCount(page), { shown: expected, total: expected });
    // The first input listed is the first file dropped, parsed.
    const first = page.locator('[data-test=input]').first();
    assert.equal(await first.locator('[data-test=input-name]').textContent(), files[0].name);
    assert.match(await first.getAttribute('data-status'), /^parsed|warnings$/);
    // The totals by owner and issuer follow.
    await page.waitForSelector('[data-test=summaries] [data-test=party-line]');
  });
});

test('50 corpus filings dropped: all listed, all rows combined', { timeout: 120_000 }, async (t) => {
  const corpus = corpusXml();
  if (!corpus) return t.skip(corpusAbsent('corpus/xml'));
  const files = corpus.slice(0, 50);
  const expected = files.reduce((sum, f) => sum + readXmlRows(f.text).rows, 0);
  await withApp(async ({ app }) => {
    const { page } = app;
    await dropTexts(page, files);
    await waitForBatch(page);
    assert.equal(await listedCount(page), 50);
    assert.match(await tally(page), /^50 inputs/);
    assert.doesNotMatch(await tally(page), /failed|waiting|cancelled/, 'real filings all parse');
    assert.deepEqual(await rowCount(page), { shown: expected, total: expected });
    console.log(`# 50 corpus filings: ${expected} rows combined`);
  });
});
