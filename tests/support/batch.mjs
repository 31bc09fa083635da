// Helpers for the batch specs (many filings at once): sets of files to give
// the page, dropping many files cheaply, waiting for the batch, reading the
// combined table and its exports.

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT, SHARED } from './harness.mjs';

/**
 * The fictional filings a batch is made of, with what a person read from
 * each file: its transaction and holding rows (both tables) and their
 * codes, owners and issuer. Every one is our own invention (tests/fixtures,
 * web/samples).
 */
export const FICTIONAL = [
  // M 2500 @12.40 A D, S 1200 @47.1825 D D, holding 3000.5 I; option M 2500 D D.
  { path: join(ROOT, 'tests/fixtures/form4-fictional.xml'), rows: 4, codes: 'MSM', disposed: 2, indirect: 1, tableII: 1, may2024: 0, issuer: 'EXAMPLE WIDGETS INC', owner: 'Doe Jane Q' },
  // P 1000 @20.50 A D (2024-05-02), P 500 @21.00 A I (2024-05-03).
  { path: join(ROOT, 'tests/fixtures/batch/form4-fictional-purchases.xml'), rows: 2, codes: 'PP', disposed: 0, indirect: 1, tableII: 0, may2024: 2, issuer: 'SAMPLE GADGETS CORP', owner: 'Roe Richard' },
  // Form 3: holdings 1200 D, 350.25 I; option and RSU holdings D.
  { path: join(ROOT, 'web/samples/form3-fictional.xml'), rows: 4, codes: '', disposed: 0, indirect: 1, tableII: 2, may2024: 0, issuer: 'SAMPLE HARBOR BANCORP', owner: 'Smith Alex' },
  // Joint filing (three owners): P 10000 @5.1237 A I (2024-06-03).
  { path: join(ROOT, 'web/samples/form4-joint-fictional.xml'), rows: 1, codes: 'P', disposed: 0, indirect: 1, tableII: 0, may2024: 0, issuer: 'SAMPLE BIOWORKS CORP', owner: 'EXAMPLE VENTURE PARTNERS III LP' },
  // M 4000 @8.25 A D, S 4000 @31.2044 D D (2024-05-13), holding 5000 I; option M 4000 D, RSU A 2500 A (2024-05-14).
  { path: join(ROOT, 'web/samples/form4-options-fictional.xml'), rows: 5, codes: 'MSMA', disposed: 2, indirect: 1, tableII: 2, may2024: 4, issuer: 'EXAMPLE ORCHARD SYSTEMS INC', owner: 'Roe Richard' },
  // Form 5: G 500 D D (2023-01-17), L 40 @20.00 A D (2023-06-30), holding 1318.442 I.
  { path: join(ROOT, 'web/samples/form5-fictional.xml'), rows: 3, codes: 'GL', disposed: 1, indirect: 1, tableII: 0, may2024: 0, issuer: 'EXAMPLE MEADOW FOODS CO', owner: 'Public Jordan' },
];

/**
 * `count` files cycling through [`FICTIONAL`], each `{ name, text, expected }`,
 * named `fictional-NN-<file>` so that every name differs.
 */
export function fictionalBatch(count) {
  return Array.from({ length: count }, (_, i) => {
    const expected = FICTIONAL[i % FICTIONAL.length];
    const name = `fictional-${String(i + 1).padStart(2, '0')}-${basename(expected.path)}`;
    return { name, text: readFileSync(expected.path, 'utf8'), expected };
  });
}

/** The corpus's XML filings (sorted by name), or null when the corpus is absent. */
export function corpusXml() {
  const dir = join(SHARED, 'corpus', 'xml');
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
  } catch {
    return null;
  }
}

/**
 * What a person reads off an ownership XML file without the app: its rows
 * (transactions and holdings of both tables) and the transaction code of
 * each transaction. A plain count of the SEC's elements, not our parser.
 */
export function readXmlRows(text) {
  const count = (tag) => (text.match(new RegExp(`<${tag}>`, 'g')) ?? []).length;
  const rows =
    count('nonDerivativeTransaction') + count('nonDerivativeHolding') + count('derivativeTransaction') + count('derivativeHolding');
  const codes = [...text.matchAll(/<transactionCode>\s*([A-Z])\s*<\/transactionCode>/g)].map((m) => m[1]);
  return { rows, codes };
}

/**
 * Drop `files` (`{ name, text }`) onto the page, as a file manager does; with
 * `repeat`, the page gets `repeat` copies of the set (named `copy-N/<name>`),
 * made inside the page, so that a 10,000-file batch is cheap to hand over.
 */
export async function dropTexts(page, files, options = {}) {
  await prepareDrop(page, files, options);
  await dispatchDrop(page);
}

/** Make the files of [`dropTexts`] in the page, ready for [`dispatchDrop`]. */
export async function prepareDrop(page, files, { repeat = 1, total = files.length * repeat } = {}) {
  await page.evaluate(
    ({ files, total }) => {
      const data = new DataTransfer();
      for (let i = 0; i < total; i++) {
        const { name, text } = files[i % files.length];
        const copy = Math.floor(i / files.length);
        const named = total > files.length ? `copy-${copy + 1}/${name}` : name;
        data.items.add(new File([text], named, { type: 'text/xml' }));
      }
      window.__filesToDrop = data;
    },
    { files: files.map(({ name, text }) => ({ name, text })), total },
  );
}

/** Drop the files [`prepareDrop`] made. */
export async function dispatchDrop(page) {
  await page.evaluate(() => {
    const init = { dataTransfer: window.__filesToDrop, bubbles: true, cancelable: true };
    document.body.dispatchEvent(new DragEvent('dragenter', init));
    document.body.dispatchEvent(new DragEvent('dragover', init));
    document.body.dispatchEvent(new DragEvent('drop', init));
    delete window.__filesToDrop;
  });
}

/** Wait until the worker has read every input and totalled them (the timing line shows). */
export async function waitForBatch(page, { timeout = 60_000 } = {}) {
  await page.waitForSelector('[data-test=batch-timing]', { timeout });
}

/** The "N of M rows" count of the combined table, as numbers `{ shown, total }`. */
export async function rowCount(page) {
  const text = await page.textContent('[data-test=row-count]');
  const match = text.replace(/,/g, '').match(/(\d+)\s+of\s+(\d+)\s+rows/);
  if (!match) throw new Error(`unexpected row count: ${text}`);
  return { shown: Number(match[1]), total: Number(match[2]) };
}

/** Wait until the combined table shows `shown` rows (of any total). */
export async function waitForShown(page, shown, { timeout = 30_000 } = {}) {
  await page.waitForFunction(
    (shown) => {
      const text = document.querySelector('[data-test=row-count]')?.textContent.replace(/,/g, '') ?? '';
      return new RegExp(`^\\s*${shown}\\s+of\\s`).test(text);
    },
    shown,
    { timeout },
  );
}

/** The rows of the combined table now in the page (it is virtualized): each `{ column: text }`. */
export async function visibleRows(page) {
  return page.$$eval('[data-test=combined-row]', (rows) =>
    rows.map((row) =>
      Object.fromEntries([...row.querySelectorAll('td[data-column]')].map((td) => [td.dataset.column, td.title || td.textContent.trim()])),
    ),
  );
}

/** The inputs listed (the rows in the page), each `{ name, status, reason }`. */
export async function listedInputs(page) {
  return page.$$eval('[data-test=input]', (rows) =>
    rows.map((row) => ({
      name: row.querySelector('[data-test=input-name]')?.textContent.trim(),
      status: row.dataset.status,
      reason: row.querySelector('[data-test=input-reason]')?.textContent.trim() ?? '',
    })),
  );
}

/** The text of the tally above the input list ("50 inputs · 50 parsed"). */
export async function tally(page) {
  return (await page.textContent('[data-test=input-tally]')).trim();
}

/** Click export button `test` and return the downloaded file as `{ name, bytes }`. */
export async function download(page, test) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-test=${test}]`)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}
