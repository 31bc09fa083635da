// Helpers for the specs of the one-filing inspector: samples, cells, the
// source view, the clipboard and axe-core.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

/** A sample filing shipped with the app (web/samples/). */
export function sample(name) {
  return join(ROOT, 'web', 'samples', name);
}

/**
 * Click the sample button `id` and wait for its document: a new one (the
 * sample is fetched first, so the documents shown before stay a moment).
 */
export async function pickSample(page, id) {
  await page.$$eval('[data-test=document]', (documents) => documents.forEach((d) => (d.dataset.before = '')));
  await page.click(`[data-sample="${id}"]`);
  await page.waitForSelector('[data-test=document]:not([data-before])');
}

/**
 * A locator for the cell `column` (a model column's key, e.g. `transaction-price-per-share`)
 * of row `row` (from 0) of table `table` (`table-i` or `table-ii`) of the first filing.
 */
export function cell(page, table, row, column) {
  return page.locator(`[data-test=${table}] [data-test=row]`).nth(row).locator(`td[data-column=${column}]`);
}

/** What the source view shows: its title, place, notes and highlighted text. */
export async function readSourceView(page) {
  await page.waitForSelector('[data-test=source-view]');
  return page.$eval('[data-test=source-view]', (view) => {
    const text = (hook) => view.querySelector(`[data-test="${hook}"]`)?.textContent.trim() ?? null;
    return {
      title: text('source-title'),
      place: text('source-place'),
      notes: [...view.querySelectorAll('[data-test=source-notes] li')].map((li) => li.textContent.trim()),
      marked: view.querySelector('[data-test=source-mark]')?.textContent ?? null,
      absent: text('source-absent'),
    };
  });
}

/** Let the page use the clipboard, then read it. */
export async function allowClipboard(page) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
}

export async function readClipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

const require = createRequire(import.meta.url);

/**
 * Run axe-core on the page and return the violations of impact serious or
 * critical, each as `{ id, impact, help, targets }`.
 */
export async function seriousViolations(page) {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Whether the page scrolls sideways (it must not: tables scroll inside their box). */
export async function pageScrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** The page's background colour as [r, g, b]. */
export async function background(page) {
  return page.evaluate(() => {
    const colour = getComputedStyle(document.documentElement).backgroundColor;
    const probe = document.createElement('canvas').getContext('2d');
    probe.fillStyle = colour;
    probe.fillRect(0, 0, 1, 1);
    return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  });
}

/** Relative luminance-ish brightness (0–255) of an [r, g, b] colour. */
export function brightness([r, g, b]) {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
