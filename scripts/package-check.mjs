#!/usr/bin/env node
// `npm run package:check` (in `npm run check`, after `npm run build`): what `npm pack` would ship
// holds together. Every file the exports map, custom-elements.json (module paths, definitions) and
// web-types.json name is in the package; every source map and declaration map resolves to a
// shipped source (or, for bundled dependencies in dist/cdn/, carries the source text itself).
// Then publint (strict) and @arethetypeswrong/cli (`--profile esm-only`) on the same tarball.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'sferum-pack-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const tarball = join(work, pack.filename);
const shipped = new Set(pack.files.map((f) => f.path));
const problems = [];
const need = (path, why) => {
  if (!shipped.has(normalize(path).replace(/^\.\//, ''))) problems.push(`${why}: ${path} is not in the package`);
};

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const [key, target] of Object.entries(pkg.exports)) {
  for (const file of typeof target === 'string' ? [target] : Object.values(target)) need(file, `exports["${key}"]`);
}
for (const field of ['main', 'module', 'types', 'web-types', 'customElements']) if (pkg[field]) need(pkg[field], `package.json ${field}`);

const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
for (const module of manifest.modules) {
  need(module.path, 'custom-elements.json module');
  for (const e of module.exports ?? []) if (e.declaration?.module) need(e.declaration.module, `custom-elements.json export ${e.name}`);
}
const webTypes = JSON.parse(readFileSync(join(root, 'dist/web-types.json'), 'utf8'));
for (const element of webTypes.contributions.html.elements) if (element.source) need(element.source.module, `web-types.json <${element.name}>`);

let maps = 0;
for (const file of shipped) {
  if (!file.endsWith('.map')) continue;
  maps++;
  const map = JSON.parse(readFileSync(join(root, file), 'utf8'));
  map.sources.forEach((source, i) => {
    const resolved = normalize(join(dirname(file), map.sourceRoot ?? '', source));
    if (!shipped.has(resolved) && !map.sourcesContent?.[i]) problems.push(`${file}: source ${source} is neither shipped nor embedded`);
  });
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`package: ${shipped.size} files; exports, manifest, web-types and ${maps} source/declaration maps resolve.`);

// Both print their findings and exit non-zero on a problem.
execFileSync(process.execPath, [join(root, 'node_modules/publint/src/cli.js'), 'run', tarball, '--strict'], { stdio: 'inherit' });
// Exports that are files, not modules (the VK ID return page), have no types to check.
const notModules = Object.keys(pkg.exports).filter((key) => /\.html$/.test(key));
execFileSync(
  process.execPath,
  [join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--profile', 'esm-only', '--format', 'table-flipped', ...notModules.flatMap((key) => ['--exclude-entrypoints', key])],
  { stdio: 'inherit' },
);
