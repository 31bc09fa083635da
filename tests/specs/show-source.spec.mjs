// Show source: a cell opens the source view with its text highlighted where
// it was read (by click, or by keyboard: arrows and Enter; Escape closes and
// gives the focus back); a diagnostic's location and a check's cell jump
// there too; an inferred value says by which rule, with nothing to highlight.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { corpusAbsent, sharedFile, withApp } from '../support/harness.mjs';
import { pasteIntoArea } from '../support/page.mjs';
import { cell, pickSample, readSourceView } from '../support/inspector.mjs';
import { TESLA_FORM4 } from '../support/expectations.mjs';

test('clicking a cell highlights its value in the input', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    await pickSample(page, 'form4-options');
    await cell(page, 'table-i', 1, 'transaction-price-per-share').click();
    const view = await readSourceView(page);
    assert.equal(view.title, 'Table I, row 2 · 4. Securities acquired (A) or disposed of (D) — Price');
    // web/samples/form4-options-fictional.xml, line 70: 20 spaces, <value>, then 31.2044.
    assert.equal(view.marked, '31.2044');
    assert.equal(view.place, 'line 70, columns 28–34');
    assert.ok(view.notes.includes('Value: 31.2044'));
    assert.ok(view.notes.some((n) => /^Footnote \(2\): Weighted average price/.test(n)));
    assert.equal(await page.isVisible('[data-test=source-mark]'), true, 'scrolled into sight');

    await page.click('[data-test=source-close]');
    assert.equal(await page.locator('[data-test=source-view]').count(), 0);
  });
});

test('the keyboard reaches every cell and opens and closes its source', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    await pickSample(page, 'form4-options');
    // The table is one Tab stop; arrows move inside it.
    const first = cell(page, 'table-ii', 0, 'security-title');
    assert.equal(await first.getAttribute('tabindex'), '0');
    await first.focus();
    await page.keyboard.press('ArrowRight'); // 2. Conversion or exercise price
    await page.keyboard.press('ArrowDown'); // of the restricted stock units
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End'); // 11. Nature of indirect ownership
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.column), 'conversion-or-exercise-price');
    assert.equal(await first.getAttribute('tabindex'), '-1', 'the Tab stop moved with the focus');
    await page.keyboard.press('Enter');
    const view = await readSourceView(page);
    assert.equal(view.title, 'Table II, row 1 · 2. Conversion or exercise price');
    assert.equal(view.marked, '8.25');
    // Line 99: 12 spaces, <conversionOrExercisePrice> (27), <value> (7), then 8.25 from column 47.
    assert.equal(view.place, 'line 99, columns 47–50');
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('source-text')), true);

    await page.keyboard.press('Escape');
    assert.equal(await page.locator('[data-test=source-view]').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.column), 'conversion-or-exercise-price');
  });
});

test('a diagnostic location and a check on a cell open the source there', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    await pickSample(page, 'malformed');
    await page.click('[data-test=diagnostic] button[data-test=location]:text-is("9:21")');
    let view = await readSourceView(page);
    assert.equal(view.title, 'error invalid-value');
    assert.equal(view.marked, '2024-02-30');
    assert.ok(view.notes.some((n) => n.includes('should be a date')));

    await pickSample(page, 'joint');
    const late = page.locator('[data-test=analysis] [data-test=diagnostic]', { hasText: 'late-filing' });
    assert.match(await late.textContent(), /Table I row 1/);
    await late.locator('[data-test=location]').click();
    view = await readSourceView(page);
    assert.equal(view.marked, '2024-06-03', 'the transaction date the deadline counts from');
  });
});

test('an inferred value tells its rule and has nothing to highlight', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    await pickSample(page, 'seed-2013-11');
    await page.locator('[data-test=table-i] td.origin-inferred').first().click();
    const view = await readSourceView(page);
    assert.ok(view.notes.some((n) => /^Inferred /.test(n)), JSON.stringify(view.notes));
    assert.match(view.absent, /not in the input text/);
  });
});

test('a real filing from the corpus: cells open their text in the XML', { timeout: 60_000 }, async (t) => {
  const path = sharedFile(TESLA_FORM4);
  if (!path) return t.skip(corpusAbsent(TESLA_FORM4));
  await withApp(async ({ app }) => {
    const { page } = app;
    const xml = await readFile(path, 'utf8');
    await pasteIntoArea(page, xml);
    await page.waitForSelector('text=Tesla, Inc.');
    // Values read off the XML: the first exercise at $2.79, 411056826 shares after it, expiring 2023-04-08.
    for (const [table, row, column, text] of [
      ['table-i', 0, 'transaction-price-per-share', '2.79'],
      ['table-i', 0, 'shares-owned-following-transaction', '411056826'],
      ['table-ii', 0, 'expiration-date', '2023-04-08'],
    ]) {
      await cell(page, table, row, column).click();
      const view = await readSourceView(page);
      assert.equal(view.marked, text, `${table} ${column}`);
      const line = Number(/^line (\d+)/.exec(view.place)[1]);
      assert.ok(xml.split('\n')[line - 1].includes(text), `line ${line} holds ${text}`);
      await page.keyboard.press('Escape');
    }
  });
});
