// The analysis of the Form 4 sample with options: code meanings and values,
// net change per position, the exercise paired with its sale and the spread,
// the 10b5-1 plan with the days since adoption, and the checks. Every figure
// below was worked out by hand from web/samples/form4-options-fictional.xml.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../support/harness.mjs';
import { pickSample } from '../support/inspector.mjs';

const rowsOf = (page, hook) =>
  page.$$eval(`[data-test=${hook}] tbody tr`, (trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())),
  );

test('the analysis of the Form 4 sample with options', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    const { page } = app;
    await pickSample(page, 'form4-options');

    const explained = await rowsOf(page, 'rows-explained');
    assert.deepEqual(explained.map((r) => r[0]), ['Table I row 1', 'Table I row 2', 'Table II row 1', 'Table II row 2']);
    const [exercise, sale] = explained;
    assert.match(exercise[1], /^M /);
    assert.equal(exercise[3], '$33,000.00', '4,000 × $8.25');
    assert.match(sale[1], /^S Open market or private sale/);
    assert.equal(sale[3], '$124,817.60', '4,000 × $31.2044');
    // Adopted 11/20/2023 (footnote 1), sold 05/13/2024: 175 days, past the 90-day cooling-off.
    assert.equal(sale[4], 'Adopted 11/20/2023; 175 days before');
    assert.equal(sale[5], 'Within $31.00–$31.45 (2)', 'the price lies in its footnoted range');
    assert.match(explained[2][3], /^\$0\.00 notional$/, 'an option exercised at no price of its own');

    const positions = await rowsOf(page, 'positions');
    const byTitle = Object.fromEntries(positions.map((p) => [`${p[0]} / ${p[1]}`, p]));
    const common = byTitle['Common Stock Table I / Direct'];
    assert.deepEqual(common.slice(2, 7), ['20,000', '4,000', '4,000', '0', '20,000'], 'before, +, −, net, after');
    const option = byTitle['Stock Option (right to buy) Table II / Direct'];
    assert.deepEqual(option.slice(2, 8), ['16,000', '0', '4,000', '-4,000', '12,000', '-25%']);
    const units = byTitle['Restricted Stock Units Table II / Direct'];
    assert.deepEqual(units.slice(2, 7), ['0', '2,500', '0', '2,500', '2,500']);
    assert.equal(common[9], '$31.2044', 'the average sale price');

    const pair = await page.textContent('[data-test=exercise]');
    assert.match(pair, /Stock Option \(right to buy\) — code M on 05\/13\/2024/);
    assert.match(pair, /Exercised4,000 at \$8\.25/);
    assert.match(pair, /Sold4,000 at an average of \$31\.2044/);
    assert.equal(await page.textContent('[data-test=spread]'), '$91,817.60', '4,000 × ($31.2044 − $8.25)');
    assert.match(pair, /Remaining12,000/);

    assert.equal(await page.textContent('[data-test=plan-checkbox]'), 'The Rule 10b5-1 box is checked.');
    assert.match(await page.textContent('[data-test=plan]'), /^Footnote \(1\) say a plan adopted on 11\/20\/2023 was used, for Table I row 2\.$/);
    assert.match(await page.textContent('[data-test=analysis] [data-test=no-diagnostics]'), /Every check passed/);
    assert.equal(await page.textContent('[data-test=late-flag]'), 'On time');

    // A row reference takes the focus to the row in its table.
    await page.click('[data-test=rows-explained] [data-test=row-link]:text-is("Table I row 2")');
    const focused = await page.evaluate(() => [
      document.activeElement.dataset.column,
      document.activeElement.closest('[data-test=row]')?.sectionRowIndex,
      document.activeElement.closest('section')?.dataset.test,
    ]);
    assert.deepEqual(focused, ['security-title', 1, 'table-i'], 'the second body row');
  });
});
