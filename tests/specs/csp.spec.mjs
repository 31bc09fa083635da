// The page's Content-Security-Policy (index.html, hashes filled in by
// scripts/csp.mjs at build time) is strict — no remote origin, no inline
// script but the page's own, hashed — and the page works under it: every user
// flow runs without a single violation, the worker and the service worker start.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { DIST, withApp } from '../support/harness.mjs';
import { FLOWS } from '../support/flows.mjs';

/** The policy of the built page, as { directive: [sources] }. */
async function builtPolicy() {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
  assert.equal(metas.length, 1, 'one policy');
  assert.ok(html.indexOf(metas[0][0]) < html.indexOf('<script'), 'the policy comes before any script');
  return { html, policy: Object.fromEntries(metas[0][1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v])) };
}

test('the built page has a strict policy that hashes each of its inline scripts', async () => {
  const { html, policy } = await builtPolicy();
  assert.deepEqual(policy['default-src'], ["'none'"]);
  const all = Object.values(policy).flat();
  assert.ok(!all.includes("'unsafe-inline'") && !all.includes("'unsafe-eval'"), all.join(' '));
  assert.ok(!all.some((s) => /^(https?:|\*|wss?:)/.test(s)), `no remote origin: ${all.join(' ')}`);
  assert.ok(!all.includes("'inline-script-hashes'"), 'the placeholder was filled in');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].length;
  const hashes = policy['script-src'].filter((s) => s.startsWith("'sha256-"));
  assert.ok(inline >= 2 && hashes.length === inline, `${inline} inline scripts, ${hashes.length} hashes`);
  assert.ok(policy['script-src'].includes("'wasm-unsafe-eval'"));
});

test('every user flow works under the policy without a violation', { timeout: 240_000 }, async () => {
  await withApp(
    async ({ app }) => {
      const { page } = app;
      for (const [name, flow] of Object.entries(FLOWS)) {
        await flow(page);
        const violations = await page.evaluate(() => window.__cspViolations);
        assert.deepEqual(violations, [], `${name}: no violation`);
      }
      const registered = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r)));
      assert.ok(registered, 'the service worker registered under the policy');
    },
    {
      prepare: (page) =>
        page.addInitScript(() => {
          window.__cspViolations = [];
          document.addEventListener('securitypolicyviolation', (e) =>
            window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`),
          );
        }),
    },
  );
});
