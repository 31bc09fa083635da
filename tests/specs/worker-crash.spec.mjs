// A worker that dies mid-batch loses nothing: the page says the parser
// stopped and was restarted, a fresh worker reads the whole batch again, and
// every input and row is there at the end, as in a batch that never crashed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../support/harness.mjs';
import { corpusXml, dropTexts, fictionalBatch, readXmlRows, rowCount, tally, waitForBatch } from '../support/batch.mjs';

test('a crashed worker is restarted and the batch is read whole', { timeout: 240_000 }, async () => {
  const corpus = corpusXml();
  if (!corpus) console.log('# corpus absent: the batch is the fictional set repeated');
  const set = corpus ?? fictionalBatch(6);
  const repeat = corpus ? 6 : 400;
  const total = set.length * repeat;
  const expectedRows = set.reduce((sum, file) => sum + readXmlRows(file.text).rows, 0) * repeat;
  await withApp(
    async ({ app }) => {
      const { page } = app;
      await dropTexts(page, set, { repeat });
      await page.waitForFunction(() => {
        const bar = document.querySelector('[data-test=progress] progress');
        return bar && Number(bar.value) > 0;
      });
      const workers = page.workers();
      assert.ok(workers.length > 0, 'the batch is parsed in a worker');
      // An uncaught error in the worker, as a crash of the wasm would be.
      await Promise.all(
        workers.map((w) =>
          w.evaluate(() => {
            setTimeout(() => {
              throw new Error('simulated crash');
            }, 0);
          }),
        ),
      );
      await page.waitForSelector('[data-test=batch-notice]', { timeout: 30_000 });
      const notice = await page.textContent('[data-test=batch-notice]');
      assert.match(notice, /stopped unexpectedly/, notice);
      assert.match(notice, /simulated crash/, notice);
      assert.match(notice, /your inputs are kept/, notice);
      await waitForBatch(page, { timeout: 180_000 });
      const text = await tally(page);
      const parsed = Number((text.replace(/,/g, '').match(/(\d+) parsed/) ?? [0, 0])[1]);
      assert.equal(parsed, total, `every input parsed after the restart: ${text}`);
      assert.doesNotMatch(text, /cancelled|failed/, text);
      assert.deepEqual(await rowCount(page), { shown: expectedRows, total: expectedRows });
      console.log(`# crash mid-batch: ${total} inputs, ${expectedRows} rows, all read after the restart`);
    },
    // The crash is the point of the test: the worker's uncaught error is expected.
    { allowProblems: (problem) => /simulated crash/.test(problem) },
  );
});
