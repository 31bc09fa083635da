// Pasting with the focus outside the paste area (anywhere on the page) reads the text too.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fixture, withApp } from '../support/harness.mjs';
import { pasteAnywhere, waitForDocuments } from '../support/page.mjs';
import { FICTIONAL_FORM4, assertFictionalForm4 } from '../support/expectations.mjs';

test('a paste anywhere on the page is read and lands in the paste area', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    const xml = await readFile(fixture(FICTIONAL_FORM4), 'utf8');
    await pasteAnywhere(app.page, xml);
    const [document] = await waitForDocuments(app.page, 1);
    assertFictionalForm4(document.filings[0]);
    assert.equal(await app.page.inputValue('[data-test=paste-area]'), xml);
  });
});
