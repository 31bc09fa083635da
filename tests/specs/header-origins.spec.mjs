// The header values — issuer, owner, signatures — say how they were read, as
// the table cells do: a value read with doubt carries the "?" mark, and one
// the rendering did not show reads "not read", never a blank.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, withApp } from '../support/harness.mjs';
import { pasteIntoArea, waitForDocuments } from '../support/page.mjs';

const coreFixture = (path) => join(ROOT, 'crates/core/tests/fixtures', path);

test('PDF text without layout: doubtful values are marked, the CIK is not read', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    await pasteIntoArea(app.page, await readFile(coreFixture('pdfraw/example-form4.txt'), 'utf8'));
    const [document] = await waitForDocuments(app.page, 1);
    const [filing] = document.filings;
    // The issuer's `NAME [ TICKER ]` stands on a text block of its own
    // (blank lines around it): read, not in doubt.
    assert.deepEqual(filing.header.issuer.name, {
      value: 'Example Widgets Inc',
      origin: null,
      shown: 'Example Widgets Inc',
    });
    // A page or a PDF never shows the CIK.
    assert.deepEqual(filing.header.issuer.cik, { value: '', origin: 'missing', shown: 'not read' });
    assert.equal(filing.signatures.length, 1);
    assert.equal(filing.signatures[0].name.value, '/s/ Jane Q. Doe');
    // The name and its date are text blocks of their own, the name's lines
    // fit its box: read, not in doubt (the owner's boxes still are).
    assert.equal(filing.signatures[0].name.origin, null);
    assert.deepEqual(filing.signatures[0].date, { value: '03/05/2024', origin: null, shown: '03/05/2024' });
    const title = await app.page.getAttribute('[data-test=issuer-name]', 'title');
    assert.doesNotMatch(title ?? '', /uncertain/);
  });
});

test('a signature the rendering cut off reads "not read"', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    await pasteIntoArea(app.page, await readFile(coreFixture('invalid/truncated-form4.txt'), 'utf8'));
    const [document] = await waitForDocuments(app.page, 1);
    const [filing] = document.filings;
    assert.equal(filing.signatures.length, 1);
    for (const part of [filing.signatures[0].name, filing.signatures[0].date]) {
      assert.deepEqual(part, { value: '', origin: 'missing', shown: 'not read' });
    }
    // Values that were read show as they are.
    assert.deepEqual(filing.header.issuer.ticker, { value: 'EXWG', origin: null, shown: 'EXWG' });
  });
});
