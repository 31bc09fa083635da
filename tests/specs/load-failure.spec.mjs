// While the wasm loads the page says so; if the wasm or the script that starts
// it cannot be loaded, the page says plainly that it could not start, and why,
// instead of "Loading…" for ever.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../support/harness.mjs';

const failure = async (page) => {
  await page.waitForSelector('[data-test=loading][data-state=failed]');
  return page.$eval('[data-test=loading]', (el) => ({ role: el.getAttribute('role'), text: el.textContent }));
};

// The page logs the failed request itself as a console error; that is expected here.
const expectedErrors = (app) => app.problems.splice(0, app.problems.length);

test('a wasm that cannot be downloaded: the page says it could not start', { timeout: 60_000 }, async () => {
  await withApp(
    async ({ app }) => {
      const shown = await failure(app.page);
      assert.equal(shown.role, 'alert');
      assert.match(shown.text, /Filing Inspector could not start\./);
      assert.match(shown.text, /needs JavaScript and WebAssembly/);
      assert.match(shown.text, /What went wrong: \S/);
      assert.equal(await app.page.locator('[data-test=paste-area]').count(), 0);
      expectedErrors(app);
    },
    { started: false, prepare: (page) => page.route(/_bg\.wasm$/, (route) => route.abort('failed')) },
  );
});

test('a start-up script that is missing: the page says which part did not load', { timeout: 60_000 }, async () => {
  await withApp(
    async ({ app }) => {
      const shown = await failure(app.page);
      assert.match(shown.text, /could not start/);
      assert.match(shown.text, /did not load/);
      expectedErrors(app);
    },
    {
      started: false,
      prepare: (page) => page.route(/filing-web-[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' })),
    },
  );
});

test('the loading note shows until the app starts, with a progress bar', { timeout: 60_000 }, async () => {
  let release;
  const held = new Promise((ok) => (release = ok));
  await withApp(
    async ({ app }) => {
      const { page } = app;
      await page.waitForSelector('[data-test=loading] progress');
      assert.match(await page.textContent('[data-test=loading]'), /Loading Filing Inspector/);
      release();
      await page.waitForSelector('[data-test=paste-area]');
      assert.equal(await page.locator('[data-test=loading]').count(), 0);
    },
    {
      started: false,
      // Hold the wasm back until the loading note has been seen.
      prepare: (page) => page.route(/_bg\.wasm$/, async (route) => {
        await held;
        await route.continue();
      }),
    },
  );
});
