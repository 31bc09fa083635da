// The page asks for nothing outside its own origin: no fonts, no analytics, no
// favicon elsewhere. Filings stay in the browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, withApp } from '../support/harness.mjs';
import { dropFiles, pasteIntoArea, waitForDocuments } from '../support/page.mjs';
import { readFile } from 'node:fs/promises';
import { FICTIONAL_FORM4 } from '../support/expectations.mjs';
import { FLOWS } from '../support/flows.mjs';

/** The sample filings, which a sample button fetches and the service worker keeps. */
const SAMPLE = /^\/samples\/[\w.-]+\.(xml|txt)$/;

test('every request the page makes goes to its own origin', { timeout: 60_000 }, async () => {
  await withApp(async ({ server, app }) => {
    const { page, requests } = app;
    await pasteIntoArea(page, await readFile(fixture(FICTIONAL_FORM4), 'utf8'));
    await waitForDocuments(page, 1);
    await dropFiles(page, [fixture(FICTIONAL_FORM4)]);
    await page.waitForSelector(`[data-test=document-name]:text-is("${FICTIONAL_FORM4}")`);
    await page.waitForLoadState('networkidle');
    assert.ok(requests.some((url) => url.endsWith('.wasm')), 'the wasm request was seen');
    const foreign = requests.filter((url) => !url.startsWith(`${server.origin}/`) && !/^(data|blob):/.test(url));
    assert.deepEqual(foreign, [], `requests: ${requests.join(', ')}`);
    // index.html, the JS glue, the wasm, the stylesheet, and what the service
    // worker keeps for offline use (the samples): nothing else, not even a favicon.
    const paths = requests.map((url) => new URL(url).pathname);
    assert.ok(paths.every((p) => p === '/' || /^\/[\w.-]+\.(js|wasm|css)$/.test(p) || SAMPLE.test(p)), paths.join(', '));
  });
});

test('no user flow makes a request outside the page\'s origin', { timeout: 240_000 }, async () => {
  await withApp(async ({ server, app }) => {
    const { page, requests } = app;
    for (const [name, flow] of Object.entries(FLOWS)) {
      const from = requests.length;
      await flow(page);
      await page.waitForLoadState('networkidle');
      const foreign = requests
        .slice(from)
        .filter((url) => !url.startsWith(`${server.origin}/`) && !/^(data|blob):/.test(url));
      assert.deepEqual(foreign, [], `${name}: ${requests.slice(from).join(', ')}`);
    }
    // Only the page's own static files, whatever the flow (the batch adds the
    // worker's loader, and the service worker; a sample button its sample).
    const paths = [...new Set(requests.filter((u) => u.startsWith(server.origin)).map((u) => new URL(u).pathname))];
    assert.ok(
      paths.every((p) => p === '/' || /^\/[\w.-]+\.(js|wasm|css|html)$/.test(p) || SAMPLE.test(p)),
      paths.join(', '),
    );
  });
});
