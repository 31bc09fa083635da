// The visible drop zone lights up while files are dragged over it, and files
// dropped on it are read, one view each.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fixture, withApp } from '../support/harness.mjs';
import { waitForDocuments } from '../support/page.mjs';
import { sample } from '../support/inspector.mjs';
import { FICTIONAL_FORM4, assertFictionalForm4 } from '../support/expectations.mjs';

test('files dropped on the drop zone are read, and the zone shows the drag', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    const files = [
      { name: 'form3-fictional.xml', text: await readFile(sample('form3-fictional.xml'), 'utf8') },
      { name: FICTIONAL_FORM4, text: await readFile(fixture(FICTIONAL_FORM4), 'utf8') },
    ];
    await page.evaluate((files) => {
      const data = new DataTransfer();
      for (const { name, text } of files) data.items.add(new File([text], name, { type: 'text/xml' }));
      window.__drop = { dataTransfer: data, bubbles: true, cancelable: true };
      const zone = document.querySelector('[data-test=drop-zone]');
      zone.dispatchEvent(new DragEvent('dragenter', window.__drop));
      zone.dispatchEvent(new DragEvent('dragover', window.__drop));
    }, files);
    await page.waitForSelector('[data-test=drop-zone].active');
    await page.evaluate(() =>
      document.querySelector('[data-test=drop-zone]').dispatchEvent(new DragEvent('drop', window.__drop)),
    );
    const [form3, form4] = await waitForDocuments(page, 2);
    assert.equal(await page.locator('[data-test=drop-zone].active').count(), 0, 'no longer lit');
    assert.equal(form3.name, 'form3-fictional.xml');
    assert.equal(form3.filings[0].form, 'Form 3');
    assert.equal(form3.filings[0].issuer.name, 'SAMPLE HARBOR BANCORP');
    assert.equal(form4.name, FICTIONAL_FORM4);
    assertFictionalForm4(form4.filings[0]);
  });
});
