#!/usr/bin/env node
// `npm test`: every package's tests in dependency order, then the browser test against a real build.
// Server and browser tests need a MySQL-compatible server: DATABASE_URL, or the local MariaDB by default.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'artifacts', 'test-reports');
mkdirSync(reports, { recursive: true });

const steps = [
  { name: 'build shared', cmd: ['npm', 'run', 'build', '-w', 'shared'] },
  { name: 'shared: state machines, schemas', cmd: ['npm', 'test', '-w', 'shared', '--', '--json', `--outputFile=${reports}/shared.json`], report: 'shared.json' },
  { name: 'server: unit + e2e on MySQL', cmd: ['npm', 'test', '-w', 'server', '--', '--json', `--outputFile=${reports}/server.json`], report: 'server.json' },
  { name: 'miniapp: components', cmd: ['npm', 'test', '-w', 'miniapp', '--', '--json', `--outputFile=${reports}/miniapp.json`], report: 'miniapp.json' },
  { name: 'build server + H5', cmd: ['npm', 'run', 'build'] },
  { name: 'browser: H5 in Chromium', cmd: ['npm', 'run', 'test:browser', '-w', 'miniapp', '--', '--json', `--outputFile=${reports}/browser.json`], report: 'browser.json' },
];

let passed = 0;
let failed = 0;
const failures = [];
for (const step of steps) {
  process.stdout.write(`\n=== ${step.name} ===\n`);
  const result = spawnSync(step.cmd[0], step.cmd.slice(1), { cwd: root, stdio: 'inherit', env: process.env });
  if (step.report) {
    try {
      const report = JSON.parse(readFileSync(path.join(reports, step.report), 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
    } catch {
      // No report: the runner itself failed before writing one; the exit code below says so.
    }
  }
  if (result.status !== 0) {
    failures.push(step.name);
    // Later steps build on earlier ones; stop at the first broken step.
    break;
  }
}

process.stdout.write(`\n${failures.length ? `FAILED at: ${failures.join(', ')}` : 'all test steps green'}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failures.length ? 1 : 0);
