// Dropping XML files onto the page shows each file's filing, named for the file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusAbsent, fixture, sharedFile, withApp } from '../support/harness.mjs';
import { dropFiles, waitForDocuments } from '../support/page.mjs';
import { FICTIONAL_FORM4, JOINT_FORM4, assertFictionalForm4, assertJointForm4 } from '../support/expectations.mjs';

test('a dropped XML file shows its values', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    await dropFiles(app.page, [fixture(FICTIONAL_FORM4)]);
    const [document] = await waitForDocuments(app.page, 1);
    assert.equal(document.name, FICTIONAL_FORM4);
    assertFictionalForm4(document.filings[0]);
    assert.equal(await app.page.inputValue('[data-test=paste-area]'), '', 'files do not go into the paste area');
  });
});

test('a dropped real joint filing from the corpus shows both owners', { timeout: 60_000 }, async (t) => {
  const path = sharedFile(JOINT_FORM4);
  if (!path) return t.skip(corpusAbsent(JOINT_FORM4));
  await withApp(async ({ app }) => {
    await dropFiles(app.page, [path]);
    const [document] = await waitForDocuments(app.page, 1);
    assert.equal(document.name, '0000070858-25-000310.xml');
    assertJointForm4(document.filings[0]);
  });
});
