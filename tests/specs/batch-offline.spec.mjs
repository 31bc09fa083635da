// After one visit the page works offline: its service worker (web/sw.js)
// caches the page's own files, so a reload without the network starts the
// app, parses in the worker, and shows filings, the samples' too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, serveDist } from '../support/harness.mjs';
import { dropTexts, fictionalBatch, rowCount, waitForBatch } from '../support/batch.mjs';

test('offline reload works once the service worker has cached the page', { timeout: 120_000 }, async () => {
  const server = await serveDist();
  const app = await openApp(server.url);
  try {
    const { page } = app;
    // The service worker is installed and controls the page after a reload.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForSelector('[data-test=paste-area]');
    assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true, 'controlled by sw.js');

    await page.context().setOffline(true);
    await server.close();
    const before = server.served.length;
    await page.reload();
    await page.waitForSelector('[data-test=paste-area]');
    await page.waitForSelector('[data-test=loading]', { state: 'detached' });
    assert.equal(server.served.length, before, 'nothing came from the server');
    await dropTexts(page, fictionalBatch(6));
    await waitForBatch(page);
    assert.deepEqual(await rowCount(page), { shown: 19, total: 19 }, 'the worker parsed offline too');
    assert.equal(await page.$('[data-test=on-page-note]'), null, 'in the worker, not on the page');
    // The samples are files of the site (samples/), kept by the service worker.
    await page.click('[data-sample="seed-2013-10"]');
    await page.waitForSelector('[data-test=document-name]:text-is("004_6dc50de75c747898.txt")');
    assert.equal(server.served.length, before, 'the sample came from the cache');
    assert.deepEqual(app.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
  } finally {
    await app.close();
    await server.close().catch(() => {});
  }
});
