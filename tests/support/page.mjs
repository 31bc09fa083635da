// Giving the page input the ways a person does, and reading back what it shows.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

/** Type (paste) text into the paste area. */
export async function pasteIntoArea(page, text) {
  await page.fill('[data-test=paste-area]', text);
}

/** Paste text with the focus outside any field (the page-wide paste). */
export async function pasteAnywhere(page, text) {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
  }, text);
}

/** Drop files onto the page, as a file manager does. */
export async function dropFiles(page, paths) {
  const files = await Promise.all(
    paths.map(async (path) => ({ name: basename(path), text: await readFile(path, 'utf8') })),
  );
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const { name, text } of files) data.items.add(new File([text], name, { type: 'text/xml' }));
    const init = { dataTransfer: data, bubbles: true, cancelable: true };
    document.body.dispatchEvent(new DragEvent('dragenter', init));
    document.body.dispatchEvent(new DragEvent('dragover', init));
    document.body.dispatchEvent(new DragEvent('drop', init));
  }, files);
}

/** Pick files with the Open-files button. */
export async function openFiles(page, paths) {
  await page.setInputFiles('[data-test=open-files]', paths);
}

/**
 * The shown documents, each as `{ name, representation, filings }`, a filing as
 * `{ form, issuer, owners, header, signatures, tableI, tableII, footnotes }` (a
 * header value as its text; under `header`, and in `signatures`, as
 * `{ value, origin, shown }`), a table as its rows,
 * a row as `{ kind, cells: { Column: { value, marks } } }`.
 */
export async function readDocuments(page) {
  return page.$$eval('[data-test=document]', (documents) => {
    const text = (root, hook) => root.querySelector(`[data-test="${hook}"]`)?.textContent.trim() ?? null;
    // A header value: its text without the origin mark, and how it was obtained
    // ('uncertain', 'missing', 'inferred', or null when read as written).
    const field = (root, hook) => {
      const element = root.querySelector(`[data-test="${hook}"]`);
      if (!element) return { value: null, origin: null, shown: null };
      const bare = element.cloneNode(true);
      for (const mark of bare.querySelectorAll('.origin-mark, .visually-hidden, .not-read')) mark.remove();
      return {
        value: bare.textContent.trim(),
        origin: element.dataset.origin ?? null,
        shown: element.textContent.trim(),
      };
    };
    const table = (root) =>
      [...root.querySelectorAll('[data-test=row]')].map((row) => ({
        kind: row.dataset.kind,
        cells: Object.fromEntries(
          // Keyed by the model's column name: the cell's key (data-column) in PascalCase.
          [...row.querySelectorAll('[data-test=cell]')].map((cell) => [
            cell.dataset.column.replace(/(?:^|-)([a-z])/g, (_, letter) => letter.toUpperCase()),
            { value: text(cell, 'value'), marks: text(cell, 'footnote-marks') ?? '' },
          ]),
        ),
      }));
    return documents.map((document) => ({
      name: text(document, 'document-name'),
      representation: text(document, 'representation'),
      noFiling: text(document, 'no-filing'),
      diagnostics: [...document.querySelectorAll('[data-test=diagnostic]')].map((d) => ({
        code: text(d, 'diagnostic-code'),
        location: text(d, 'location'),
        message: text(d, 'diagnostic-message'),
      })),
      filings: [...document.querySelectorAll('[data-test=filing]')].map((filing) => ({
        form: text(filing, 'form-type'),
        issuer: {
          name: field(filing, 'issuer-name').value,
          ticker: field(filing, 'issuer-ticker').value,
          cik: field(filing, 'issuer-cik').value,
        },
        owners: [...filing.querySelectorAll('[data-test=owner]')].map((owner) => ({
          name: field(owner, 'owner-name').value,
          cik: field(owner, 'owner-cik').value,
          relationship: text(owner, 'owner-relationship'),
        })),
        header: {
          issuer: {
            name: field(filing, 'issuer-name'),
            ticker: field(filing, 'issuer-ticker'),
            cik: field(filing, 'issuer-cik'),
          },
          owners: [...filing.querySelectorAll('[data-test=owner]')].map((owner) => ({
            name: field(owner, 'owner-name'),
            cik: field(owner, 'owner-cik'),
          })),
        },
        signatures: [...filing.querySelectorAll('[data-test=signature]')].map((signature) => ({
          name: field(signature, 'signature-name'),
          date: field(signature, 'signature-date'),
        })),
        tableI: table(filing.querySelector('[data-test=table-i]')),
        tableII: table(filing.querySelector('[data-test=table-ii]')),
        footnotes: [...filing.querySelectorAll('[data-test=footnote]')].map((f) => f.textContent.trim()),
      })),
    }));
  });
}

/** Wait until `count` documents are shown, then read them. */
export async function waitForDocuments(page, count = 1) {
  await page.waitForFunction(
    (count) => document.querySelectorAll('[data-test=document]').length === count,
    count,
  );
  return readDocuments(page);
}
