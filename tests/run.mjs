// Run every browser spec (tests/specs/*.spec.mjs) with node's test runner
// against the release build in dist/. Usage: node tests/run.mjs [SPEC...]
// scripts/test builds dist/ first (trunk build --release --public-url ./).

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, DIST, ROOT, SHARED } from './support/harness.mjs';

const specs = join(ROOT, 'tests', 'specs');
const chosen = process.argv.slice(2);
const files = chosen.length
  ? chosen
  : readdirSync(specs).filter((f) => f.endsWith('.spec.mjs')).sort().map((f) => join(specs, f));

for (const [what, path] of [['the release build', join(DIST, 'index.html')], ['Chromium', CHROMIUM]]) {
  if (!existsSync(path)) {
    console.error(`tests/run.mjs: ${what} is missing (${path}): run scripts/test, or scripts/setup and trunk build`);
    process.exit(1);
  }
}
console.log(
  existsSync(join(SHARED, 'corpus'))
    ? `# corpus present at ${SHARED}: the corpus checks run`
    : `# corpus absent (${SHARED} not found): the corpus checks are skipped, and say so`,
);
const result = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit', cwd: ROOT });
process.exit(result.status ?? 1);
