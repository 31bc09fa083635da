// Keyboard shortcuts: `?` opens the list (Escape closes it, and the focus goes
// back to its toggle), `/` focuses the paste area, `j`/`k` select the
// next/previous filing, `n` goes to the next diagnostic, `c` copies the rows
// shown; none fires while typing in a field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, withApp } from '../support/harness.mjs';
import { allowClipboard, readClipboard } from '../support/inspector.mjs';
import { dropTexts, fictionalBatch, waitForBatch, waitForShown } from '../support/batch.mjs';
import { readFileSync } from 'node:fs';

test('the shortcuts and their help panel', { timeout: 120_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    const files = [
      ...fictionalBatch(3),
      { name: 'form4-malformed.xml', text: readFileSync(fixture('form4-malformed.xml'), 'utf8') },
    ];
    await dropTexts(page, files);
    await waitForBatch(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });

    // The toggle says whether the list is open; opening moves the focus into
    // the list, closing (Escape, or its Close button) back to the toggle.
    const expanded = () => page.getAttribute('[data-test=shortcuts]', 'aria-expanded');
    const focusOnToggle = () => page.waitForFunction(() => document.activeElement?.dataset.test === 'shortcuts');
    assert.equal(await expanded(), 'false');
    await page.keyboard.press('?');
    await page.waitForSelector('[data-test=shortcut-help]');
    await page.waitForFunction(() => document.activeElement?.closest('[data-test=shortcut-help]'));
    assert.equal(await expanded(), 'true');
    const controls = await page.getAttribute('[data-test=shortcuts]', 'aria-controls');
    assert.ok(await page.$(`#${controls} [data-test=shortcut-help]`), 'aria-controls names the list\'s box');
    const keys = await page.$$eval('[data-test=shortcut-help] kbd', (kbds) => kbds.map((k) => k.textContent));
    assert.deepEqual(keys, ['/', 'j', 'k', 'n', 'c', '?']);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-test=shortcut-help]', { state: 'detached' });
    await focusOnToggle();
    assert.equal(await expanded(), 'false');
    await page.click('[data-test=shortcuts]');
    await page.click('[data-test=shortcut-help] [data-action=close]');
    await page.waitForSelector('[data-test=shortcut-help]', { state: 'detached' });
    await focusOnToggle();
    await page.locator('body').click({ position: { x: 5, y: 5 } });

    // j: the first filing, then the next; k: back.
    const selected = () => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('sel'));
    await page.keyboard.press('j');
    await page.waitForFunction(() => /sel=1\b/.test(location.hash));
    await page.keyboard.press('j');
    await page.waitForFunction(() => /sel=2\b/.test(location.hash));
    await page.keyboard.press('k');
    await page.waitForFunction(() => /sel=1\b/.test(location.hash));
    assert.equal(await selected(), '1');

    // n: focus goes to a diagnostic (the malformed file has one).
    await page.keyboard.press('n');
    await page.waitForFunction(() => document.activeElement?.closest('[data-test=diagnostic]'));

    // c: the rows shown, as TSV, on the clipboard (filtered to the sale).
    await allowClipboard(page);
    await page.click('[data-test=code-filter] button[data-code=S]');
    await waitForShown(page, 1);
    await page.locator('[data-test=combined]  h2').click();
    await page.keyboard.press('c');
    await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('47.1825'));
    const lines = (await readClipboard(page)).trimEnd().split('\n');
    assert.equal(lines.length, 2, 'the heading and the one sale');

    // /: the paste area; then typing there is text, not shortcuts.
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.test), 'paste-area');
    await page.keyboard.type('j?');
    assert.equal(await page.$('[data-test=shortcut-help]'), null, 'no panel while typing');
  });
});
