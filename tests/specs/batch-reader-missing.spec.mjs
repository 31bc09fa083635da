// The parsing worker leaves reading the batch's files to a second worker,
// reader.js. Where that one cannot start (here: its script is missing from the
// site), the parsing worker reads the files itself: every input is still
// read, and nothing is left waiting.
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DIST, openApp, serveDist } from '../support/harness.mjs';
import { dropTexts, fictionalBatch, rowCount, tally, waitForBatch } from '../support/batch.mjs';

test('no file reader (reader.js missing): the parsing worker reads the files itself', { timeout: 120_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'filing-inspector-no-reader-'));
  await cp(DIST, dir, { recursive: true });
  await rm(join(dir, 'reader.js'));
  const server = await serveDist({ dir });
  const app = await openApp(server.url);
  try {
    const { page } = app;
    await dropTexts(page, fictionalBatch(12));
    await waitForBatch(page);
    // 2 × (4 + 2 + 4 + 1 + 5 + 3) rows: every file read and parsed.
    assert.deepEqual(await rowCount(page), { shown: 38, total: 38 });
    assert.match(await tally(page), /^12 inputs · 12 parsed/);
    assert.doesNotMatch(await tally(page), /failed|waiting/);
    // The missing script's 404 is the one problem expected.
    assert.deepEqual(app.problems.filter((p) => !/404|reader\.js/.test(p)), []);
  } finally {
    await app.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
