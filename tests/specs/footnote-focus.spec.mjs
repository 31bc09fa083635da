// Footnote marks show their footnote's text on keyboard focus and on hover,
// Escape dismisses it, and following a mark lands on the footnote itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../support/harness.mjs';
import { cell, pickSample } from '../support/inspector.mjs';

const tip = (page) =>
  page.$eval('[data-test=footnote-tip]', (el) => ({ shown: getComputedStyle(el).display !== 'none', text: el.textContent.trim() }));

test('a footnote mark reached with the keyboard shows its text', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    await pickSample(page, 'form4-options');
    // Into the table, down to the sale, across to its price, then Tab onto the price's mark.
    await cell(page, 'table-i', 0, 'security-title').focus();
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 7; i += 1) await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.column), 'transaction-price-per-share');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      footnote: document.activeElement.dataset.footnote,
      describedBy: document.activeElement.getAttribute('aria-describedby'),
      text: document.activeElement.textContent,
    }));
    assert.deepEqual(focused, { footnote: 'F2', describedBy: 'footnote-tip', text: '(2)' });
    let shown = await tip(page);
    assert.equal(shown.shown, true);
    // The sample's footnote F2, as written in web/samples/form4-options-fictional.xml.
    assert.match(shown.text, /^\(2\) Weighted average price\. The shares were sold in multiple transactions at prices ranging from \$31\.00 to \$31\.45/);

    await page.keyboard.press('Escape');
    assert.equal((await tip(page)).shown, false, 'Escape dismisses the text');

    // Following the mark moves the focus to the footnote in the list, without touching the URL.
    const url = page.url();
    await page.keyboard.press('Enter');
    const target = await page.evaluate(() => document.activeElement.textContent.trim());
    assert.match(target, /^\(2\) Weighted average price/);
    assert.equal(page.url(), url);
  });
});

test('hovering a footnote mark shows its text, leaving hides it', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    await pickSample(page, 'form4-options');
    await page.hover('[data-test=table-i] [data-footnote=F3]');
    const shown = await tip(page);
    assert.equal(shown.shown, true);
    assert.match(shown.text, /^\(3\) Held by a trust of which the Reporting Person is trustee/);
    await page.mouse.move(5, 5);
    assert.equal((await tip(page)).shown, false);
  });
});
