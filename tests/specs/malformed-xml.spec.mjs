// Broken XML still shows a page: what was read, and diagnostics that say where (line:column).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fixture, withApp } from '../support/harness.mjs';
import { pasteIntoArea, waitForDocuments } from '../support/page.mjs';

test('malformed XML gets a located diagnostic and no panic', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    const xml = await readFile(fixture('form4-malformed.xml'), 'utf8');
    await pasteIntoArea(app.page, xml);
    const [document] = await waitForDocuments(app.page, 1);
    assert.equal(document.representation, 'ownership XML');
    const malformed = document.diagnostics.find((d) => d.code === 'xml-malformed');
    assert.ok(malformed, `an xml-malformed diagnostic among ${JSON.stringify(document.diagnostics)}`);
    // The fixture's </issuerName> is misspelt: line 8, column 40.
    assert.equal(malformed.location, '8:40');
  });
});
