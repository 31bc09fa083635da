// The Open-files button takes several files at once: one view per file, in order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusAbsent, fixture, sharedFile, withApp } from '../support/harness.mjs';
import { openFiles, waitForDocuments } from '../support/page.mjs';
import { FICTIONAL_FORM4, TESLA_FORM4, assertFictionalForm4, assertTeslaForm4 } from '../support/expectations.mjs';

test('two opened files show one filing each', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    await openFiles(app.page, [fixture(FICTIONAL_FORM4), fixture('not-a-filing.txt')]);
    const [xml, text] = await waitForDocuments(app.page, 2);
    assert.equal(xml.name, FICTIONAL_FORM4);
    assertFictionalForm4(xml.filings[0]);
    assert.equal(text.name, 'not-a-filing.txt');
    assert.equal(text.filings.length, 0);
    assert.match(text.noFiling, /does not look like a Form 3, 4 or 5/);
  });
});

test('a corpus file opened beside our fixture shows its values', { timeout: 60_000 }, async (t) => {
  const path = sharedFile(TESLA_FORM4);
  if (!path) return t.skip(corpusAbsent(TESLA_FORM4));
  await withApp(async ({ app }) => {
    await openFiles(app.page, [path, fixture(FICTIONAL_FORM4)]);
    const [tesla, fictional] = await waitForDocuments(app.page, 2);
    assertTeslaForm4(tesla.filings[0]);
    assertFictionalForm4(fictional.filings[0]);
  });
});
