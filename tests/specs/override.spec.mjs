// The detected representation is shown with its reasons, and the user can
// read the same input as something else, and go back to what was detected.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { corpusAbsent, sharedFile, withApp } from '../support/harness.mjs';
import { pasteIntoArea, readDocuments } from '../support/page.mjs';
import { sample } from '../support/inspector.mjs';

const reasons = (page) => page.$$eval('[data-test=detection-reasons] li', (lis) => lis.map((li) => li.textContent));

test('XML read as copied text, then as detected again', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    await pasteIntoArea(page, await readFile(sample('form4-options-fictional.xml'), 'utf8'));
    await page.waitForSelector('[data-test=filing]');
    assert.equal(await page.textContent('[data-test=representation]'), 'ownership XML');
    assert.ok((await reasons(page)).length > 0, 'the detection says why');
    assert.ok(!(await reasons(page)).includes('chosen by the user'));

    await page.selectOption('[data-test=representation-override]', { label: 'Read as copied text' });
    await page.waitForFunction(() => document.querySelector('[data-test=representation]')?.textContent === 'copied text');
    assert.deepEqual(await reasons(page), ['chosen by the user']);
    assert.match(await page.textContent('[data-test=detection]'), /your choice/);
    // XML is not copied text: read that way, no issuer and no rows come out of it.
    const [asText] = await readDocuments(page);
    assert.equal(asText.representation, 'copied text');
    assert.deepEqual(asText.filings.map((f) => [f.issuer.name, f.tableI.length]), [['', 0]]);
    assert.match(await page.textContent('[data-test=filing-facts]'), /read from copied text/);

    await page.selectOption('[data-test=representation-override]', 'auto');
    await page.waitForFunction(() => document.querySelector('[data-test=representation]')?.textContent === 'ownership XML');
    const [back] = await readDocuments(page);
    assert.equal(back.filings[0].tableI.length, 3);
    assert.deepEqual(back.filings[0].tableI[1].cells.TransactionPricePerShare, { value: '31.2044', marks: '(2)' });
  });
});

// A real EDGAR page, in the corpus: detected as HTML; read as Markdown by choice.
const PAGE = 'corpus/html';

test('a real EDGAR page is detected as one, and can be read as something else', { timeout: 60_000 }, async (t) => {
  const dir = sharedFile(PAGE);
  if (!dir) return t.skip(corpusAbsent(PAGE));
  const { readdir } = await import('node:fs/promises');
  const [first] = (await readdir(dir)).filter((f) => /\.html?$/.test(f)).sort();
  await withApp(async ({ app }) => {
    const { page } = app;
    await pasteIntoArea(page, await readFile(`${dir}/${first}`, 'utf8'));
    await page.waitForSelector('[data-test=document]');
    assert.equal(await page.textContent('[data-test=representation]'), 'EDGAR HTML page');
    await page.selectOption('[data-test=representation-override]', { label: 'Read as Markdown' });
    await page.waitForFunction(() => document.querySelector('[data-test=representation]')?.textContent === 'Markdown');
    assert.deepEqual(await reasons(page), ['chosen by the user']);
  });
});
