// The release build works under a sub-path, as GitHub Pages serves it
// (https://OWNER.github.io/filing-inspector/): wasm included.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fixture, withApp } from '../support/harness.mjs';
import { pasteIntoArea, waitForDocuments } from '../support/page.mjs';
import { FICTIONAL_FORM4, assertFictionalForm4 } from '../support/expectations.mjs';

const PREFIX = '/filing-inspector/';

test('under /filing-inspector/ the app loads its wasm from there and parses a paste', { timeout: 60_000 }, async () => {
  await withApp(
    async ({ server, app }) => {
      const wasm = server.served.filter((s) => s.path.endsWith('.wasm'));
      assert.equal(wasm.length, 1);
      assert.ok(wasm[0].path.startsWith(PREFIX), wasm[0].path);
      assert.equal(wasm[0].status, 200);
      assert.deepEqual(server.served.filter((s) => s.status !== 200 && s.status !== 301), [], 'no 404');
      await pasteIntoArea(app.page, await readFile(fixture(FICTIONAL_FORM4), 'utf8'));
      const [document] = await waitForDocuments(app.page, 1);
      assertFictionalForm4(document.filings[0]);
    },
    { prefix: PREFIX },
  );
});

test('/filing-inspector without the slash redirects and loads', { timeout: 60_000 }, async () => {
  await withApp(
    async ({ server, app }) => {
      assert.equal(server.served[0].status, 301);
      assert.ok(app.page.url().endsWith(PREFIX), app.page.url());
    },
    { prefix: PREFIX, at: (server) => server.origin + PREFIX.slice(0, -1) },
  );
});
