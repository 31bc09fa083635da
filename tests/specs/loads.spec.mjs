// The page loads: the wasm starts, the loading note goes, and the input panel is there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../support/harness.mjs';

test('the page loads and starts the app', { timeout: 60_000 }, async () => {
  await withApp(async ({ server, app }) => {
    const { page } = app;
    assert.equal(await page.title(), 'Filing Inspector');
    assert.equal(await page.locator('h1').textContent(), 'Filing Inspector');
    assert.ok(await page.locator('[data-test=paste-area]').isVisible());
    assert.ok(await page.locator('[data-test=open-files]').count(), 'an Open-files button');
    assert.equal(await page.locator('[data-test=document]').count(), 0, 'nothing shown before input');
    const wasm = server.served.filter((s) => s.path.endsWith('.wasm'));
    assert.equal(wasm.length, 1, 'the wasm was fetched once');
    assert.equal(wasm[0].status, 200);
  });
});
