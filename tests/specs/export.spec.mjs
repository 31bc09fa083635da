// Copy and download a table as TSV, CSV, Markdown and JSON: the text holds the
// filing's values as written (checked against tests/fixtures/form4-fictional.xml,
// read by a person), and TSV pastes into a spreadsheet cleanly: one line per
// row, one tab between cells, numbers alone in their cells.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fixture, withApp } from '../support/harness.mjs';
import { pasteIntoArea } from '../support/page.mjs';
import { allowClipboard, readClipboard } from '../support/inspector.mjs';
import { FICTIONAL_FORM4 } from '../support/expectations.mjs';

async function copy(page, table, format) {
  const menu = page.locator(`[data-test=${table}] [data-test=export-menu]`);
  await menu.locator('[data-test=export-format]').selectOption(format);
  await menu.locator('[data-test=export-copy]').click();
  await page.waitForFunction(
    (table) => /^Copied/.test(document.querySelector(`[data-test=${table}] [data-test=export-status]`).textContent),
    table,
  );
  return readClipboard(page);
}

/** Delimited text as objects keyed by the header's names. */
function records(text, separator, newline) {
  assert.ok(text.endsWith(newline), 'the last line ends too');
  const [header, ...lines] = text.slice(0, -newline.length).split(newline).map((l) => l.split(separator));
  for (const line of lines) assert.equal(line.length, header.length, `as many cells as headings: ${line}`);
  return lines.map((line) => Object.fromEntries(header.map((name, i) => [name, line[i]])));
}

test('Table I copied as TSV, CSV and Markdown, and downloaded', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    await pasteIntoArea(page, await readFile(fixture(FICTIONAL_FORM4), 'utf8'));
    await page.waitForSelector('[data-test=filing]');
    await allowClipboard(page);

    const tsv = await copy(page, 'table-i', 'tsv');
    assert.ok(!tsv.includes('"') && !tsv.includes('\r'), 'no quoting, no carriage returns');
    const [exercise, sale, holding, ...rest] = records(tsv, '\t', '\n');
    assert.equal(rest.length, 0);
    assert.equal(exercise.Kind, 'transaction');
    assert.equal(exercise.Code, 'M');
    assert.equal(exercise.Shares, '2500');
    assert.equal(exercise.Price, '12.40', 'the scale as written');
    assert.equal(exercise.Date, '2024-03-14');
    assert.equal(sale.Code, 'S');
    assert.equal(sale.Shares, '1200');
    assert.equal(sale.Price, '47.1825', 'the number alone; its footnote goes to the Footnotes column');
    assert.equal(sale['A/D'], 'D');
    assert.equal(sale['Owned after'], '17550');
    assert.match(sale.Footnotes, /Code: F1/);
    assert.match(sale.Footnotes, /Price: F2/);
    assert.equal(holding.Kind, 'holding');
    assert.equal(holding['Owned after'], '3000.5');
    assert.equal(holding['D/I'], 'I');
    assert.equal(holding['Nature of ownership'], 'By Family Trust');
    assert.equal(holding.Shares, '', 'a holding has no transaction amount');

    const csv = await copy(page, 'table-i', 'csv');
    const csvRows = records(csv, ',', '\r\n');
    assert.deepEqual(
      csvRows.map((r) => [r.Kind, r.Code, r.Price, r['Owned after']]),
      [['transaction', 'M', '12.40', '18750'], ['transaction', 'S', '47.1825', '17550'], ['holding', '', '', '3000.5']],
    );

    const markdown = await copy(page, 'table-i', 'md');
    const lines = markdown.trim().split('\n');
    assert.match(lines[0], /^\| Kind \| Security \|/);
    assert.match(lines[1], /^\|( --- \|)+$/);
    assert.match(lines[3], /\| 47\.1825 \(F2\) \|/);
    assert.match(lines[4], /\| By Family Trust \(F3\) \|$/);

    // Download: the same TSV, in a file named after the ticker, form and period.
    const menu = page.locator('[data-test=table-i] [data-test=export-menu]');
    await menu.locator('[data-test=export-format]').selectOption('tsv');
    const [download] = await Promise.all([page.waitForEvent('download'), menu.locator('[data-test=export-download]').click()]);
    assert.equal(download.suggestedFilename(), 'XWID-form4-2024-03-14-table-i.tsv');
    assert.equal(await readFile(await download.path(), 'utf8'), tsv);
  });
});

test('Table II copied as JSON keeps footnote-only values and the scale', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    await pasteIntoArea(page, await readFile(fixture(FICTIONAL_FORM4), 'utf8'));
    await page.waitForSelector('[data-test=filing]');
    await allowClipboard(page);
    const [option, ...rest] = JSON.parse(await copy(page, 'table-ii', 'json'));
    assert.equal(rest.length, 0);
    assert.equal(option.kind, 'transaction');
    assert.deepEqual(option.cells['security-title'], { value: 'Stock Option (right to buy)', footnotes: [] });
    assert.deepEqual(option.cells['conversion-or-exercise-price'], { value: '12.40', footnotes: [] });
    assert.deepEqual(option.cells['exercise-date'], { value: null, footnotes: ['F4'] });
    assert.deepEqual(option.cells['expiration-date'], { value: '2030-06-30', footnotes: [] });
    assert.deepEqual(option.cells['underlying-security-shares'], { value: '2500', footnotes: [] });
    assert.deepEqual(option.cells['shares-owned-following-transaction'], { value: '7500', footnotes: [] });
  });
});
