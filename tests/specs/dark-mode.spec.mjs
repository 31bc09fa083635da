// Dark mode follows the operating system; the user can choose light or dark
// instead, and the page remembers the choice (localStorage) across visits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../support/harness.mjs';
import { background, brightness, pickSample } from '../support/inspector.mjs';

const pressed = (page) =>
  page.$$eval('[data-test=theme-switch] button[aria-pressed=true]', (bs) => bs.map((b) => b.textContent.trim()));
const stored = (page) => page.evaluate(() => localStorage.getItem('filing-inspector.theme'));

test('an OS in dark mode gets the dark page; Light is remembered; Auto follows the OS again', { timeout: 60_000 }, async () => {
  await withApp(
    async ({ app }) => {
      const { page } = app;
      await pickSample(page, 'form4-options');
      assert.deepEqual(await pressed(page), ['Auto']);
      assert.ok(brightness(await background(page)) < 60, 'dark, as the OS prefers');

      await page.click('[data-test=theme-light]');
      assert.deepEqual(await pressed(page), ['Light']);
      assert.ok(brightness(await background(page)) > 200, 'light by choice');
      assert.equal(await stored(page), 'light');

      // A later visit: the choice is applied before the app starts (index.html) and shown as chosen.
      await page.reload();
      await page.waitForSelector('[data-test=theme-switch]');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
      assert.deepEqual(await pressed(page), ['Light']);
      assert.ok(brightness(await background(page)) > 200);

      await page.click('[data-test=theme-auto]');
      assert.equal(await stored(page), null, 'no choice left');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
      assert.ok(brightness(await background(page)) < 60, 'back to the OS: dark');
    },
    { colorScheme: 'dark' },
  );
});

test('an OS in light mode gets the light page, and Dark makes it dark', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    assert.ok(brightness(await background(page)) > 200);
    await page.click('[data-test=theme-dark]');
    assert.deepEqual(await pressed(page), ['Dark']);
    assert.ok(brightness(await background(page)) < 60);
    assert.equal(await stored(page), 'dark');
    // Text stays readable: the ink is light on the dark page.
    const ink = await page.evaluate(() => getComputedStyle(document.documentElement).color);
    assert.match(ink, /^rgb\((2[0-9]{2}), (2[0-9]{2}), (2[0-9]{2})\)$/);
  });
});
