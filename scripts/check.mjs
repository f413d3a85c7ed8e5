#!/usr/bin/env node
// `npm run check`: every gate of the package, side by side where they do not depend on each other
// (one after another they take about 105 s on a 2-CPU machine; most of it is single-threaded tsc
// and eslint). Lanes run at once; the steps of a lane in order. Each step's output is printed
// whole when it ends, so lanes never interleave; the first failure is reported and the exit code
// is 1 once every lane has stopped.
import { spawn } from 'node:child_process';

const LANES = [
  ['build', 'size', 'treeshake', 'package:check'],
  // The framework types read dist/react.d.ts and dist/vue.d.ts, which the build generates.
  ['types', { after: 'build', script: 'types:frameworks' }],
  ['lint', 'manifest:check'],
];

let failed = false;

function run(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n> npm run ${script}  (${code === 0 ? 'ok' : `FAILED, exit ${code}`}, ${seconds} s)\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(code === 0);
    });
  });
}

const started = Date.now();
const done = new Map();
const lanes = LANES.map(async (lane) => {
  for (const step of lane) {
    const { script, after } = typeof step === 'string' ? { script: step } : step;
    if (after && !(await done.get(after))) failed = true;
    if (failed) return;
    const result = run(script);
    done.set(script, result);
    if (!(await result)) failed = true;
  }
});
await Promise.all(lanes);
console.log(`\nnpm run check: ${failed ? 'FAILED' : 'all gates passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
