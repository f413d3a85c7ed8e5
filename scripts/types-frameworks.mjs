#!/usr/bin/env node
// `npm run types:frameworks` (in `npm run check`, after `npm run build`): the generated React and
// Vue types, used as a vendor would, against the built package. types-test/*/ok.* must compile
// cleanly; in types-test/*/wrong.* every line marked `error: <text>` must fail with a message
// containing <text>, and no unmarked line may fail. A type that lost its precision (`any`, an
// unknown tag accepted) leaves a marked line compiling, and this check fails.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(join(root, 'dist/react.d.ts'))) {
  console.error('dist/react.d.ts is missing: run `npm run build` first.');
  process.exit(1);
}

/** Errors as `{ file, line, message }` (line 1-based), from TypeScript for React. */
function reactErrors() {
  const dir = join(root, 'types-test/react');
  const config = ts.getParsedCommandLineOfConfigFile(join(dir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file) return { file: '(global)', line: 0, message };
    return { file: relative(root, d.file.fileName), line: d.file.getLineAndCharacterOfPosition(d.start).line + 1, message };
  });
}

/** The same from vue-tsc with strictTemplates, parsed from its `file(line,col): error TS…` lines. */
function vueErrors() {
  let output = '';
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/vue-tsc/bin/vue-tsc.js'), '--noEmit', '--pretty', 'false', '-p', 'types-test/vue/tsconfig.json'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    output = `${error.stdout}${error.stderr}`;
  }
  const errors = [];
  for (const line of output.split('\n')) {
    const m = /^(.+?)\((\d+),\d+\): error (TS\d+: .*)$/.exec(line);
    if (m) errors.push({ file: m[1], line: Number(m[2]), message: m[3] });
    else if (errors.length && line.startsWith('  ')) errors.at(-1).message += `\n${line.trim()}`;
    else if (line.trim()) errors.push({ file: '(vue-tsc)', line: 0, message: line });
  }
  return errors;
}

let failed = 0;
const report = (ok, text) => {
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
};
for (const [framework, errors, ext] of [['react', reactErrors(), 'tsx'], ['vue', vueErrors(), 'vue']]) {
  const okFile = `types-test/${framework}/ok.${ext}`;
  const wrongFile = `types-test/${framework}/wrong.${ext}`;
  const stray = errors.filter((e) => e.file !== wrongFile);
  report(stray.length === 0, `${framework}: ${okFile} compiles${stray.length ? `; errors:\n  ${stray.map((e) => `${e.file}:${e.line} ${e.message}`).join('\n  ')}` : ''}`);
  const lines = readFileSync(join(root, wrongFile), 'utf8').split('\n');
  const marked = new Map();
  lines.forEach((text, i) => {
    const m = /error: (.+?)(?: \*\/\}| -->)?\s*$/.exec(text);
    if (m && i > 0) marked.set(i + 1, m[1]);
  });
  for (const [line, expected] of marked) {
    const found = errors.filter((e) => e.file === wrongFile && e.line === line);
    report(
      found.some((e) => e.message.includes(expected)),
      `${framework}: ${wrongFile}:${line} fails with “${expected}”${found.length ? '' : ' (it compiled)'}`,
    );
  }
  const unmarked = errors.filter((e) => e.file === wrongFile && !marked.has(e.line));
  report(unmarked.length === 0, `${framework}: no other line of ${wrongFile} fails${unmarked.length ? `:\n  ${unmarked.map((e) => `${e.line} ${e.message}`).join('\n  ')}` : ''}`);
}
if (failed) process.exit(1);
