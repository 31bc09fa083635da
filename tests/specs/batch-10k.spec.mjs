// A 10,000-filing batch (the corpus's XML filings repeated; the fictional set
// when the corpus is absent): every input read and combined, and a report of
// the page's responsiveness — the longest main-thread task while it parsed
// (PerformanceObserver 'longtask'), how many took over 100 ms, and the total
// time. A report, not a timed assertion: the numbers are printed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../support/harness.mjs';
import { corpusXml, dispatchDrop, fictionalBatch, prepareDrop, readXmlRows, rowCount, tally, waitForBatch } from '../support/batch.mjs';

const TOTAL = 10_000;

test('10,000 filings: read and combined; the longest main-thread task reported', { timeout: 600_000 }, async () => {
  const corpus = corpusXml();
  if (!corpus) console.log('# corpus absent: the 10,000 filings are the fictional set repeated');
  const set = corpus ?? fictionalBatch(6);
  const rowsOf = (f) => (corpus ? readXmlRows(f.text).rows : f.expected.rows);
  let expectedRows = 0;
  for (let i = 0; i < TOTAL; i++) expectedRows += rowsOf(set[i % set.length]);
  await withApp(
    async ({ app }) => {
      const { page } = app;
      // The 10,000 File objects are the test's own work: made before the clock starts.
      await prepareDrop(page, set, { total: TOTAL });
      await page.evaluate(() => {
        window.__longTasks = [];
        window.__started = performance.now();
      });
      await dispatchDrop(page);
      await waitForBatch(page, { timeout: 540_000 });
      const report = await page.evaluate(() => {
        const tasks = window.__longTasks.filter((t) => t.start >= window.__started);
        const timing = document.querySelector('[data-test=batch-timing]');
        return {
          totalMs: Math.round(performance.now() - window.__started),
          longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
          tasksOver100Ms: tasks.filter((t) => t.duration > 100).length,
          longTasks: tasks.length,
          // [ms after the drop, duration] of the five longest.
          longestFive: [...tasks].sort((a, b) => b.duration - a.duration).slice(0, 5).map((t) => [Math.round(t.start - window.__started), Math.round(t.duration)]),
          rowsMs: Number(timing.dataset.rowsMs),
          totalsMs: Number(timing.dataset.totalsMs),
          workerParseMs: Number(timing.dataset.parseMs),
          workerReadMs: Number(timing.dataset.readMs),
          workerRowsMs: Number(timing.dataset.workerRowsMs),
          workerTotalsMs: Number(timing.dataset.workerTotalsMs),
        };
      });
      console.log(`# 10k batch (${corpus ? 'corpus' : 'fictional'}): ${JSON.stringify(report)}`);
      assert.match((await tally(page)).replace(/,/g, ''), new RegExp(`^${TOTAL} inputs`));
      assert.doesNotMatch(await tally(page), /failed|waiting|cancelled/);
      assert.deepEqual(await rowCount(page), { shown: expectedRows, total: expectedRows });
      // The table is virtualized: a few dozen rows in the page, and its end reachable.
      const inPage = await page.$$eval('[data-test=combined-row]', (rows) => rows.length);
      assert.ok(inPage > 0 && inPage < 200, `${inPage} rows in the page`);
      await page.$eval('[data-test=combined] .vt-scroll', (box) => box.scrollTo(0, box.scrollHeight));
      await page.waitForFunction(
        (last) => document.querySelector(`[data-test=combined-row][aria-rowindex="${last}"]`),
        expectedRows + 1,
      );
    },
    {
      prepare: (page) =>
        page.addInitScript(() => {
          window.__longTasks = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
          }).observe({ type: 'longtask', buffered: true });
        }),
    },
  );
});
