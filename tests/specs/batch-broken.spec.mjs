// A batch with broken files lists each with why, and keeps every other
// file's filing and rows: one failing file never loses the others.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fixture, withApp } from '../support/harness.mjs';
import { dropTexts, fictionalBatch, listedInputs, rowCount, tally, waitForBatch } from '../support/batch.mjs';

test('broken files are listed with the reason, the rest combined', { timeout: 120_000 }, async () => {
  const good = fictionalBatch(8); // 4 + 2 + 4 + 1 + 5 + 3 + 4 + 2 = 25 rows
  const broken = [
    { name: 'shopping-list.txt', text: readFileSync(fixture('not-a-filing.txt'), 'utf8') },
    { name: 'empty.xml', text: '' },
    { name: 'binary.xml', text: '\u0000\u0001\u0002PK\u0003\u0004 not a filing \u00ff' },
  ];
  // The broken ones among the good ones, not only at the end.
  const files = [...good.slice(0, 3), broken[0], ...good.slice(3, 6), broken[1], ...good.slice(6), broken[2]];
  await withApp(async ({ app }) => {
    const { page } = app;
    await dropTexts(page, files);
    await waitForBatch(page);
    const listed = await listedInputs(page);
    assert.equal(listed.length, 11);
    for (const input of listed) {
      const isBroken = broken.some((b) => b.name === input.name);
      if (isBroken) {
        assert.equal(input.status, 'failed', `${input.name} failed`);
        assert.notEqual(input.reason, '', `${input.name} says why`);
      } else {
        assert.match(input.status, /^(parsed|warnings)$/, `${input.name} parsed`);
      }
    }
    const text = (await tally(page)).replace(/,/g, '');
    const count = (words) => Number((text.match(new RegExp(`(\\d+) ${words}( ·|$)`)) ?? [0, 0])[1]);
    assert.equal(count('inputs'), 11, text);
    assert.equal(count('parsed') + count('parsed with warnings'), 8, text);
    assert.equal(count('failed'), 3, text);
    assert.deepEqual(await rowCount(page), { shown: 25, total: 25 });
    // Only the problems, on request.
    await page.check('[data-test=problems-only]');
    await page.waitForFunction(() => document.querySelectorAll('[data-test=input]').length === 3);
    const problems = (await listedInputs(page)).map((i) => i.name).sort();
    assert.deepEqual(problems, broken.map((b) => b.name).sort());
  });
});
