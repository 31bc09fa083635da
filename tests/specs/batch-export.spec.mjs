// Exports of the combined table hold the rows shown (filtered), with the
// filings' values as written: 12 fictional files (two of each of
// tests/support/batch.mjs's six), filtered to code P. A person read the
// purchases off the files: 1000 @ 20.50 and 500 @ 21.00 (SAMPLE GADGETS
// CORP, Roe Richard), 10000 @ 5.1237 (SAMPLE BIOWORKS CORP, a joint filing).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../support/harness.mjs';
import { allowClipboard, readClipboard } from '../support/inspector.mjs';
import { download, dropTexts, fictionalBatch, waitForBatch, waitForShown } from '../support/batch.mjs';

const PURCHASES = [
  ['1000', '20.50'],
  ['500', '21.00'],
  ['10000', '5.1237'],
];

/** Delimited text as objects keyed by the header's names. */
function records(text, separator, newline) {
  assert.ok(text.endsWith(newline), 'the last line ends too');
  const [header, ...lines] = text.slice(0, -newline.length).split(newline).map((l) => l.split(separator));
  for (const line of lines) assert.equal(line.length, header.length, `as many cells as headings: ${line}`);
  return lines.map((line) => Object.fromEntries(header.map((name, i) => [name, line[i]])));
}

/** The files of a ZIP whose entries are stored (method 0), as { name: text }. */
function unzipStored(bytes) {
  const files = {};
  let at = 0;
  while (bytes.readUInt32LE(at) === 0x04034b50) {
    assert.equal(bytes.readUInt16LE(at + 8), 0, 'stored, not compressed');
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extra = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extra;
    files[name] = bytes.toString('utf8', start, start + size);
    at = start + size;
  }
  assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'the central directory follows the files');
  return files;
}

test('TSV, CSV, JSON and the SEC tables hold the rows shown', { timeout: 120_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    await dropTexts(page, fictionalBatch(12));
    await waitForBatch(page);
    await page.click('[data-test=code-filter] button[data-code=P]');
    await waitForShown(page, 6);

    const tsv = await download(page, 'export-tsv');
    assert.equal(tsv.name, 'combined-transactions.tsv');
    const rows = records(tsv.bytes.toString('utf8'), '\t', '\n');
    assert.equal(rows.length, 6, 'the two copies of three purchases');
    assert.deepEqual(
      rows.map((r) => [r.Shares, r.Price]).sort(),
      [...PURCHASES, ...PURCHASES].sort(),
      'shares and prices as written (20.50 keeps its scale)',
    );
    for (const row of rows) {
      assert.equal(row.Code, 'P');
      assert.equal(row.Kind, 'transaction');
    }
    const spouse = rows.find((r) => r.Shares === '500');
    assert.match(spouse.Issuer, /SAMPLE GADGETS CORP/);
    assert.match(spouse['Reporting owner'], /Roe Richard/);
    assert.match(spouse.Footnotes, /F1/, 'the spouse row cites footnote F1');

    const csv = await download(page, 'export-csv');
    assert.equal(csv.name, 'combined-transactions.csv');
    const csvRows = records(csv.bytes.toString('utf8'), ',', '\r\n');
    assert.deepEqual(csvRows.map((r) => r.Shares).sort(), rows.map((r) => r.Shares).sort());

    const json = JSON.parse((await download(page, 'export-json')).bytes.toString('utf8'));
    assert.equal(json.length, 6);
    const joint = json.find((r) => r.cells.shares.value === '10000');
    assert.equal(joint.cells.price.value, '5.1237');
    assert.equal(joint.issuer.name, 'SAMPLE BIOWORKS CORP');
    assert.equal(joint.owners.length, 3, 'a joint filing: all three owners');
    const gardener = json.find((r) => r.cells.shares.value === '500');
    assert.match(JSON.stringify(gardener), /gardener/, 'footnotes go with their text');

    // The SEC tables: every filing with a row shown (2 purchases + 2 joint filings), whole.
    const zip = await download(page, 'export-sec');
    assert.equal(zip.name, 'sec-insider-transactions.zip');
    const tables = unzipStored(zip.bytes);
    assert.deepEqual(Object.keys(tables).sort(), [
      'DERIV_HOLDING.tsv', 'DERIV_TRANS.tsv', 'FOOTNOTES.tsv', 'NONDERIV_HOLDING.tsv',
      'NONDERIV_TRANS.tsv', 'OWNER_SIGNATURE.tsv', 'REPORTINGOWNER.tsv', 'SUBMISSION.tsv',
    ]);
    const lines = (name) => tables[name].trimEnd().split('\n').length - 1; // without the header
    assert.equal(lines('SUBMISSION.tsv'), 4, 'four filings have a purchase');
    assert.equal(lines('NONDERIV_TRANS.tsv'), 6);
    assert.equal(lines('REPORTINGOWNER.tsv'), 2 * 1 + 2 * 3, 'one owner each, three in each joint filing');

    // Copy: the rows shown as TSV on the clipboard.
    await allowClipboard(page);
    await page.click('[data-test=copy-table]');
    await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('5.1237'));
    assert.equal(records(await readClipboard(page), '\t', '\n').length, 6);
  });
});
