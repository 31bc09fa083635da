// Pasting ownership XML into the paste area shows the filing's values.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { corpusAbsent, fixture, sharedFile, withApp } from '../support/harness.mjs';
import { pasteIntoArea, waitForDocuments } from '../support/page.mjs';
import { FICTIONAL_FORM4, TESLA_FORM4, assertFictionalForm4, assertTeslaForm4 } from '../support/expectations.mjs';

test('a pasted XML shows its issuer, owner and both tables', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    await pasteIntoArea(app.page, await readFile(fixture(FICTIONAL_FORM4), 'utf8'));
    const [document] = await waitForDocuments(app.page, 1);
    assert.equal(document.name, 'pasted text');
    assert.equal(document.representation, 'ownership XML');
    assert.equal(document.filings.length, 1);
    assertFictionalForm4(document.filings[0]);
  });
});

test('a pasted real Form 4 from the corpus shows its values', { timeout: 60_000 }, async (t) => {
  const path = sharedFile(TESLA_FORM4);
  if (!path) return t.skip(corpusAbsent(TESLA_FORM4));
  await withApp(async ({ app }) => {
    await pasteIntoArea(app.page, await readFile(path, 'utf8'));
    await app.page.waitForSelector('text=Tesla, Inc.');
    const [document] = await waitForDocuments(app.page, 1);
    assertTeslaForm4(document.filings[0]);
  });
});
