// The combined table's filters and sort change the rows as the filings say:
// 50 fictional files (tests/support/batch.mjs lists, per file, what a person
// read from it), then the real corpus's codes counted from its XML.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusAbsent, withApp } from '../support/harness.mjs';
import {
  corpusXml,
  dropTexts,
  fictionalBatch,
  readXmlRows,
  rowCount,
  visibleRows,
  waitForBatch,
  waitForShown,
} from '../support/batch.mjs';

const files = fictionalBatch(50);
const sum = (f) => files.reduce((n, file) => n + f(file.expected), 0);
const TOTAL = sum((e) => e.rows);

async function clear(page) {
  if (await page.isEnabled('[data-test=clear-filters]')) await page.click('[data-test=clear-filters]');
  await waitForShown(page, TOTAL);
}

test('each filter keeps the rows the filings say, and clearing brings all back', { timeout: 180_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    await dropTexts(page, files);
    await waitForBatch(page);
    assert.deepEqual(await rowCount(page), { shown: TOTAL, total: TOTAL });

    // Code P: two purchases in each purchases file, one in each joint filing.
    await page.click('[data-test=code-filter] button[data-code=P]');
    await waitForShown(page, sum((e) => [...e.codes].filter((c) => c === 'P').length));
    assert.equal((await rowCount(page)).shown, 26);
    for (const row of await visibleRows(page)) assert.equal(row.code, 'P');
    // P or S.
    await page.click('[data-test=code-filter] button[data-code=S]');
    await waitForShown(page, 26 + 17);
    await clear(page);

    await page.fill('[data-test=owner-filter]', 'roe richard');
    await waitForShown(page, 58); // purchases (9×2) and options (8×5): the same person
    for (const row of await visibleRows(page)) assert.match(row.owner, /Roe Richard/i);
    await clear(page);

    await page.fill('[data-test=issuer-filter]', 'XGAD'); // SAMPLE GADGETS CORP's ticker
    await waitForShown(page, 18);
    await clear(page);

    await page.selectOption('[data-test=direction-filter]', 'D');
    await waitForShown(page, sum((e) => e.disposed));
    assert.equal((await rowCount(page)).shown, 42);
    for (const row of await visibleRows(page)) assert.equal(row.ad, 'D');
    await clear(page);

    await page.selectOption('[data-test=ownership-filter]', 'I');
    await waitForShown(page, sum((e) => e.indirect));
    for (const row of await visibleRows(page)) assert.equal(row.di, 'I');
    await clear(page);

    await page.selectOption('[data-test=table-filter]', '2');
    await waitForShown(page, sum((e) => e.tableII));
    assert.equal((await rowCount(page)).shown, 41);
    await clear(page);

    await page.fill('[data-test=date-from]', '2024-05-01');
    await page.fill('[data-test=date-to]', '2024-05-31');
    await waitForShown(page, sum((e) => e.may2024));
    assert.equal((await rowCount(page)).shown, 50);
    for (const row of await visibleRows(page)) assert.match(row.date, /05\/\d\d\/2024|2024-05-\d\d/);
    await clear(page);

    // Free text over footnotes: only the purchases' spouse row cites the gardener footnote.
    await page.fill('[data-test=text-filter]', 'gardener');
    await waitForShown(page, 9);
    for (const row of await visibleRows(page)) assert.equal(row.shares, '500');
    await clear(page);
    // And over cells: the Form 5's holding "By 401(k) Plan" (its footnote says 401(k) too).
    await page.fill('[data-test=text-filter]', '401(k)');
    await waitForShown(page, 8);
    await clear(page);

    // Filters combine: Roe Richard's sales.
    await page.fill('[data-test=owner-filter]', 'Roe');
    await page.click('[data-test=code-filter] button[data-code=S]');
    await waitForShown(page, 8);
  });
});

test('sorting orders by value, both ways, empty cells last', { timeout: 120_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    await dropTexts(page, files);
    await waitForBatch(page);
    const sortBy = async (column) => page.click(`[data-test=sort][data-column=${column}]`);
    const firstShares = async () => (await visibleRows(page))[0].shares;

    await sortBy('shares');
    await page.waitForFunction(() => document.querySelector('th[data-column=shares]')?.getAttribute('aria-sort') === 'ascending');
    await page.waitForFunction(() => document.querySelector('[data-test=combined-row] td[data-column=shares] [data-test=value]')?.textContent.trim() === '40');
    assert.equal(await firstShares(), '40', 'the smallest: the Form 5 small acquisition (L) of 40 shares');
    await sortBy('shares');
    await page.waitForFunction(() => document.querySelector('th[data-column=shares]')?.getAttribute('aria-sort') === 'descending');
    await page.waitForFunction(() => document.querySelector('[data-test=combined-row] td[data-column=shares] [data-test=value]')?.textContent.trim() === '10000');
    const rows = await visibleRows(page);
    assert.equal(rows[0].code, 'P', 'the largest: the joint filing’s 10000-share purchase');
    const shares = rows.map((r) => r.shares).filter((s) => s !== '').map(Number);
    assert.deepEqual(shares, [...shares].sort((a, b) => b - a), 'descending by number, not by text');
    // Price, descending: 47.1825 (the fictional sale) before 31.2044 (the options sale).
    await sortBy('price');
    await sortBy('price');
    await page.waitForFunction(() => document.querySelector('[data-test=combined-row] td[data-column=price] [data-test=value]')?.textContent.trim() === '47.1825');
    assert.deepEqual((await rowCount(page)).shown, TOTAL, 'a sort keeps every row');
  });
});

test('the code filter on 50 corpus filings keeps as many rows as the XML has of that code', { timeout: 120_000 }, async (t) => {
  const corpus = corpusXml();
  if (!corpus) return t.skip(corpusAbsent('corpus/xml'));
  const batch = corpus.slice(0, 50);
  const codes = batch.flatMap((f) => readXmlRows(f.text).codes);
  const expected = codes.filter((c) => c === 'S').length;
  await withApp(async ({ app }) => {
    const { page } = app;
    await dropTexts(page, batch);
    await waitForBatch(page);
    await page.click('[data-test=code-filter] button[data-code=S]');
    await waitForShown(page, expected);
    for (const row of await visibleRows(page)) assert.equal(row.code, 'S');
    console.log(`# 50 corpus filings: ${expected} rows of code S`);
  });
});
