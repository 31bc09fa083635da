// Every way a person gives the page input or takes output, one after the
// other, for the specs that check something about all of them (requests made,
// Content-Security-Policy violations): paste, drop, open files, each sample,
// export (download) a table, and a batch of files through the parsing worker
// with its exports.

import { readFile } from 'node:fs/promises';
import { fixture } from './harness.mjs';
import { dropFiles, openFiles, pasteIntoArea, waitForDocuments } from './page.mjs';
import { download, dropTexts, fictionalBatch, waitForBatch } from './batch.mjs';
import { FICTIONAL_FORM4 } from './expectations.mjs';
import { pickSample } from './inspector.mjs';

/** The flows, by name, each `async (page) => {}`. */
export const FLOWS = {
  async paste(page) {
    await pasteIntoArea(page, await readFile(fixture(FICTIONAL_FORM4), 'utf8'));
    await waitForDocuments(page, 1);
  },
  async drop(page) {
    await dropFiles(page, [fixture(FICTIONAL_FORM4)]);
    await page.waitForSelector(`[data-test=document-name]:text-is("${FICTIONAL_FORM4}")`);
  },
  async 'open files'(page) {
    await openFiles(page, [fixture('form4-malformed.xml')]);
    await page.waitForSelector('[data-test=document-name]:text-is("form4-malformed.xml")');
  },
  async samples(page) {
    for (const id of await page.$$eval('[data-sample]', (buttons) => buttons.map((b) => b.dataset.sample))) {
      await pickSample(page, id);
    }
  },
  async 'export a table'(page) {
    await FLOWS.paste(page);
    const menu = page.locator('[data-test=table-i] [data-test=export-menu]');
    for (const format of ['tsv', 'csv', 'md', 'json']) {
      if ((await menu.locator(`[data-test=export-format] option[value=${format}]`).count()) === 0) continue;
      await menu.locator('[data-test=export-format]').selectOption(format);
      await Promise.all([page.waitForEvent('download'), menu.locator('[data-test=export-download]').click()]);
    }
  },
  async 'batch and its exports'(page) {
    await dropTexts(page, fictionalBatch(6));
    await waitForBatch(page);
    for (const test of ['export-tsv', 'export-csv', 'export-json']) {
      if ((await page.locator(`[data-test=${test}]`).count()) > 0) await download(page, test);
    }
  },
};
