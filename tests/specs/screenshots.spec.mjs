// Screenshots of the inspector for people to look at: light (1280 px), dark
// with the source view open, and a 390 px phone. Written to tests/artifacts/;
// with UPDATE_SCREENSHOTS=1 also to docs/screenshots/ (the README shows those).
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS, ROOT, withApp } from '../support/harness.mjs';
import { cell, pickSample } from '../support/inspector.mjs';

const DOCS = join(ROOT, 'docs', 'screenshots');

async function keep(name) {
  const file = join(ARTIFACTS, name);
  const png = await readFile(file);
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
  assert.ok(png.length > 30_000, `${name}: a real picture, not a blank page`);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await mkdir(DOCS, { recursive: true });
    await copyFile(file, join(DOCS, name));
  }
  console.log(`# screenshot: ${file}`);
}

for (const [name, options, show] of [
  ['light.png', { colorScheme: 'light' }, async (page) => {
    await page.$eval('[data-test=document]', (el) => el.scrollIntoView({ block: 'start' }));
  }],
  ['dark.png', { colorScheme: 'dark' }, async (page) => {
    await cell(page, 'table-i', 1, 'transaction-price-per-share').scrollIntoViewIfNeeded();
    await cell(page, 'table-i', 1, 'transaction-price-per-share').click();
    await page.waitForSelector('[data-test=source-mark]');
  }],
  ['phone.png', { viewport: { width: 390, height: 844 } }, async (page) => {
    await page.$eval('[data-test=filing]', (el) => el.scrollIntoView({ block: 'start' }));
  }],
]) {
  test(`screenshot ${name}`, { timeout: 60_000 }, async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    await withApp(async ({ app }) => {
      await pickSample(app.page, 'form4-options');
      await show(app.page);
      await app.page.screenshot({ path: join(ARTIFACTS, name) });
    }, options);
    await keep(name);
  });
}
