// Text the page cannot read (yet) gets a message saying what was detected and
// why nothing was read: never a blank page, never a panic.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, fixture, withApp } from '../support/harness.mjs';
import { pasteIntoArea, waitForDocuments } from '../support/page.mjs';

test('text that is no filing says so', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    await pasteIntoArea(app.page, await readFile(fixture('not-a-filing.txt'), 'utf8'));
    const [document] = await waitForDocuments(app.page, 1);
    assert.equal(document.representation, 'unrecognised');
    assert.equal(document.filings.length, 0);
    assert.match(document.noFiling, /This does not look like a Form 3, 4 or 5\./);
    assert.ok(document.diagnostics.some((d) => d.code === 'not-a-filing'));
  });
});

// The users' own pastes of two Qualys Form 4s (lossy renderings of the EDGAR page),
// the repository's copies (crates/core/tests/fixtures/seeds/), so they run without ../shared.
for (const seed of ['003_20df6d6f311adac3.txt', '004_6dc50de75c747898.txt']) {
  test(`seeds/${seed}: what was detected is shown, and tables or why there are none`, { timeout: 60_000 }, async () => {
    const path = join(ROOT, 'crates', 'core', 'tests', 'fixtures', 'seeds', seed);
    await withApp(async ({ app }) => {
      await pasteIntoArea(app.page, await readFile(path, 'utf8'));
      const [document] = await waitForDocuments(app.page, 1);
      assert.notEqual(document.representation, 'unrecognised', 'a Form 4 in some representation');
      assert.notEqual(document.representation, 'ownership XML');
      if (document.filings.length === 0) {
        // Until the parser for its representation lands: say what it is and that it was not read.
        const headline = `Recognised as ${document.representation}, but no filing could be read`;
        assert.ok(document.noFiling.startsWith(headline), document.noFiling);
        assert.match(document.noFiling, /cannot be read yet/);
      } else {
        assert.equal(document.noFiling, null);
        assert.equal(document.filings[0].issuer.ticker, 'QLYS');
      }
    });
  });
}
