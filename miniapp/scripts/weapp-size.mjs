// Prints the size of the weapp main package and of each subpackage, and fails when a WeChat
// limit is broken: 2 MB per package (main included), 20 MB in all.
// Run after `npm run build:weapp`; reads miniapp/dist/weapp whatever the working directory.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_LIMIT = 2 * 1024 * 1024;
const TOTAL_LIMIT = 20 * 1024 * 1024;
const distDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'weapp');

if (!existsSync(join(distDir, 'app.json'))) {
  console.error(`No weapp build in ${distDir}: run \`npm run build:weapp -w miniapp\` first.`);
  process.exit(1);
}

const app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8'));
const subpackageRoots = (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root.replace(/\/+$/, ''));

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

const MAIN = 'main package';
const sizes = new Map([[MAIN, 0], ...subpackageRoots.map((root) => [root, 0])]);
for (const file of files(distDir)) {
  const path = relative(distDir, file).split(sep).join('/');
  const owner = subpackageRoots.find((root) => path.startsWith(`${root}/`)) ?? MAIN;
  sizes.set(owner, sizes.get(owner) + statSync(file).size);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const width = Math.max(...[...sizes.keys()].map((name) => name.length), 'total'.length);
const problems = [];
for (const [name, bytes] of sizes) {
  console.log(`${name.padEnd(width)}  ${kb(bytes).padStart(10)}`);
  if (bytes > PACKAGE_LIMIT) problems.push(`${name} is ${kb(bytes)}, over the ${kb(PACKAGE_LIMIT)} limit per package`);
}
const total = [...sizes.values()].reduce((sum, bytes) => sum + bytes, 0);
console.log(`${'total'.padEnd(width)}  ${kb(total).padStart(10)}`);
if (total > TOTAL_LIMIT) problems.push(`all packages together are ${kb(total)}, over the ${kb(TOTAL_LIMIT)} limit`);

for (const problem of problems) console.error(`✗ ${problem}`);
process.exit(problems.length > 0 ? 1 : 0);
