// A screenshot of the page with a filing, for people to look at (tests/artifacts/, ignored by git).
import assert from 'node:assert/strict';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS, fixture, withApp } from '../support/harness.mjs';
import { pasteIntoArea, waitForDocuments } from '../support/page.mjs';
import { FICTIONAL_FORM4 } from '../support/expectations.mjs';

test('a screenshot of a shown filing is written to tests/artifacts/', { timeout: 60_000 }, async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, 'fictional-form4.png');
  await withApp(async ({ app }) => {
    await pasteIntoArea(app.page, await readFile(fixture(FICTIONAL_FORM4), 'utf8'));
    await waitForDocuments(app.page, 1);
    await app.page.screenshot({ path: file, fullPage: true });
  });
  const png = await readFile(file);
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
  assert.ok((await stat(file)).size > 20_000, 'a real picture, not a blank page');
  console.log(`# screenshot: ${file}`);
});
