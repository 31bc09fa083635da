// axe-core finds no serious or critical accessibility violation, in the light
// and the dark theme: on the empty page, with filings of each kind shown, and
// with the source view and a footnote's text open.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../support/harness.mjs';
import { cell, pickSample, seriousViolations } from '../support/inspector.mjs';

const SAMPLES = ['form4-options', 'form3', 'joint', 'malformed', 'seed-2013-11'];

for (const colorScheme of ['light', 'dark']) {
  test(`axe: no serious or critical violation in the ${colorScheme} theme`, { timeout: 120_000 }, async () => {
    await withApp(
      async ({ app }) => {
        const { page } = app;
        const found = {};
        const scan = async (state) => {
          const violations = await seriousViolations(page);
          if (violations.length) found[state] = violations;
        };
        await scan('empty page');
        for (const id of SAMPLES) {
          await pickSample(page, id);
          await page.waitForSelector(`text=${id === 'joint' ? 'SAMPLE BIOWORKS' : ''}`);
          await scan(`sample ${id}`);
        }
        await pickSample(page, 'form4-options');
        await cell(page, 'table-i', 1, 'transaction-price-per-share').click();
        await page.waitForSelector('[data-test=source-view]');
        await scan('source view open');
        await page.keyboard.press('Escape');
        await page.focus('[data-test=table-i] [data-footnote=F2]');
        await scan('footnote text shown');
        assert.deepEqual(found, {}, JSON.stringify(found, null, 2));
      },
      { colorScheme },
    );
  });
}
