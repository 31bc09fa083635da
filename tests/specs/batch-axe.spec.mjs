// axe-core finds no serious or critical accessibility violation in the batch
// view (inputs list, filters, combined table, totals, session bar, the
// shortcuts panel), in the light and the dark theme.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../support/harness.mjs';
import { seriousViolations } from '../support/inspector.mjs';
import { dropTexts, fictionalBatch, waitForBatch, waitForShown } from '../support/batch.mjs';

for (const colorScheme of ['light', 'dark']) {
  test(`axe: the batch view has no serious or critical violation in the ${colorScheme} theme`, { timeout: 120_000 }, async () => {
    await withApp(
      async ({ app }) => {
        const { page } = app;
        const found = {};
        const scan = async (state) => {
          const violations = await seriousViolations(page);
          if (violations.length) found[state] = violations;
        };
        await dropTexts(page, [...fictionalBatch(12), { name: 'broken.xml', text: '<ownershipDocument><issuer>' }]);
        await waitForBatch(page);
        await page.waitForSelector('[data-test=summaries]');
        await scan('batch shown');
        await page.click('[data-test=code-filter] button[data-code=P]');
        await page.click('[data-test=sort][data-column=shares]');
        await waitForShown(page, 6);
        await scan('filtered and sorted');
        await page.locator('[data-test=combined-row]').first().click();
        await page.waitForSelector('[data-test=document]');
        await scan('a filing selected');
        await page.check('[data-test=problems-only]');
        await scan('only inputs with problems');
        await page.click('[data-test=shortcuts]');
        await page.waitForSelector('[data-test=shortcut-help]');
        await scan('shortcuts panel open');
        assert.deepEqual(found, {}, JSON.stringify(found, null, 2));
      },
      { colorScheme },
    );
  });
}
