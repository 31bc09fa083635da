// A filing whose names, footnotes and remarks are markup and script
// (tests/fixtures/form4-hostile.xml) renders inert: its text is shown as text,
// no script runs, no element is injected, no dialog opens, no request leaves.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fixture, withApp } from '../support/harness.mjs';
import { dropFiles, pasteIntoArea, waitForDocuments } from '../support/page.mjs';

const HOSTILE = 'form4-hostile.xml';

/** Elements a hostile value would have added, and the page's own script count. */
function injected(page) {
  return page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    scripts: document.querySelectorAll('script').length,
    elements: [...document.querySelectorAll('svg[onload], img[onerror], iframe, form, input[name=q], b[onmouseover], style, a[href^="javascript:" i]')]
      .map((e) => e.outerHTML.slice(0, 80)),
  }));
}

test('markup and script in a filing are shown as text and never run', { timeout: 90_000 }, async () => {
  const dialogs = [];
  await withApp(
    async ({ server, app }) => {
      const { page, requests } = app;
      const before = await injected(page);
      const xml = await readFile(fixture(HOSTILE), 'utf8');
      for (const give of [() => pasteIntoArea(page, xml), () => dropFiles(page, [fixture(HOSTILE)])]) {
        await give();
        const [document] = await waitForDocuments(page, 1);
        const [filing] = document.filings;
        // Shown exactly as written in the XML (entities decoded once, never parsed as HTML).
        assert.equal(filing.owners[0].name, "<script>window.__pwned='owner'</script>");
        assert.equal(filing.issuer.name, `"><svg onload="window.__pwned='issuer'">`);
        assert.equal(filing.issuer.ticker, '{{7*7}}', 'no template is evaluated');
        assert.equal(
          filing.tableI[0].cells.SecurityTitle.value,
          `<a href="javascript:window.__pwned='title-link'">Common Stock</a>`,
        );
        assert.match(filing.footnotes.join('\n'), /<img src=x onerror="alert\('footnote'\)">/);
        assert.match(filing.footnotes.join('\n'), /\{\{constructor\.constructor\('alert\(2\)'\)\(\)\}\}/);
        const text = await page.textContent('body');
        assert.ok(text.includes("<script>alert('remarks')</script>"), 'the remarks are shown as text');
        // Open every footnote and source view the page offers: still inert.
        for (const mark of await page.locator('[data-test=footnote-mark]').all()) {
          await mark.hover().catch(() => {});
        }
        await page.mouse.move(0, 0);
        const after = await injected(page);
        assert.equal(after.pwned, null, 'no hostile script ran');
        assert.equal(after.scripts, before.scripts, 'no script element was added');
        assert.deepEqual(after.elements, [], 'no hostile element was created');
      }
      assert.deepEqual(dialogs, [], 'no dialog opened');
      const foreign = requests.filter((url) => !url.startsWith(`${server.origin}/`) && !/^(data|blob):/.test(url));
      assert.deepEqual(foreign, [], 'no request left the page');
      assert.ok(!requests.some((url) => /\/x$/.test(url)), 'no <img src=x> was requested');
    },
    {
      prepare: async (page) => {
        page.on('dialog', async (dialog) => {
          dialogs.push(dialog.message());
          await dialog.dismiss();
        });
      },
    },
  );
});
