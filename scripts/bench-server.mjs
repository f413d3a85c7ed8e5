#!/usr/bin/env node
// `npm run bench:server` (a benchmark, not a timed test): 1,000 pending MAX flows polling at their
// interval (1 s: about 1,000 polls per second) plus bursts of 100 new flows (start + phone) every
// 3 s, over HTTP on loopback against one server node in its own process, with the in-memory store
// and with Redis; then once more with the handler called in-process (no HTTP, no second process),
// which is what the kit itself costs. Half the people confirm in MAX (the webhook links), a quarter
// decline, a quarter never answer (the request expires); they answer 12–20 s after the bot writes,
// so that the poll figures are taken while 1,000 or more flows pend together. Reports p50 / p99
// latency and requests per second, and checks that every flow ended exactly once — linked, declined or expired — with nothing lost:
// the browser's view (one outcome each, the one its person chose), the journal's (recordLink once
// per linked flow) and the server's log (one ending per flow). Results in bench-results/server.json.
import { fork } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { findRedisServer, startRedis } from './redis.mjs';

const root = new URL('..', import.meta.url).pathname;
const INITIAL = Number(process.env.BENCH_FLOWS ?? 1000);
const BURSTS = 4;
const BURST_SIZE = 100;
const BURST_EVERY_MS = 3000;
const POLL_MS = 1000;
const TTL_MS = 30_000;
const personaOf = (i) => (i % 4 < 2 ? 'confirm' : i % 4 === 2 ? 'decline' : 'ignore');
const expected = { confirm: 'linked', decline: 'declined', ignore: 'expired' };

mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
const tmp = mkdtempSync(join(root, 'node_modules/.cache/sferum-bench-server-'));
const bundle = join(tmp, 'node.mjs');
await build({
  entryPoints: [join(root, 'scripts/bench-server/node.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
  absWorkingDir: root,
});

const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The handler called in this process (no HTTP, no second process): what the kit itself costs. */
async function inProcess() {
  const node = await import(`${pathToFileURL(bundle).href}?in-process`);
  return {
    call: async (index, method, path, body) => {
      const response = await node.handler(
        new Request(`http://bench.local/api/sferum${path}`, {
          method,
          headers: { 'X-Bench-User': `pupil-${index}`, 'X-Forwarded-For': addressOf(index), Origin: 'http://bench.local', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
      const text = await response.text();
      return { status: response.status, retryAfter: response.headers.get('Retry-After'), body: text ? JSON.parse(text) : undefined };
    },
    report: () => node.report(),
    stop: () => node.close(),
  };
}

const addressOf = (index) => `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;

/** One node in a child process, over HTTP on loopback. */
async function overHttp(redisUrl) {
  const child = fork(bundle, {
    env: { ...process.env, ...benchEnv, ...(redisUrl ? { SFERUM_REDIS_URL: redisUrl } : {}) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    ...(process.env.BENCH_PROFILE ? { execArgv: ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] } : {}),
  });
  const inbox = [];
  const waiters = [];
  child.on('message', (m) => {
    inbox.push(m);
    waiters.splice(0).forEach((wake) => wake());
  });
  const next = async (key) => {
    for (;;) {
      const i = inbox.findIndex((m) => key in m);
      if (i >= 0) return inbox.splice(i, 1)[0];
      await new Promise((resolve) => waiters.push(resolve));
    }
  };
  const { port } = await next('port');
  // node:http with keep-alive: a lighter client than fetch, so that the load generator leaves
  // the CPU to the server it measures.
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const call = (index, method, path, body) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          agent,
          host: '127.0.0.1',
          port,
          method,
          path: `/api/sferum${path}`,
          headers: {
            'X-Bench-User': `pupil-${index}`,
            'X-Forwarded-For': addressOf(index),
            Origin: 'http://bench.local',
            ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'], body: text ? JSON.parse(text) : undefined });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  };
  return {
    call,
    report: async () => {
      agent.destroy();
      child.send({ report: true });
      return (await next('report')).report;
    },
    stop: async () => {
      child.send({ stop: true });
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function runAgainst(storeName, mode = 'http') {
  const redis = storeName === 'redis' ? await startRedis() : undefined;
  const node = mode === 'http' ? await overHttp(redis?.url) : await inProcess();
  const latency = { poll: [], submit: [] };
  /** Polls sent while at least INITIAL flows were pending: the figures the target is about. */
  const steady = { latency: [], first: Infinity, last: 0 };
  const statuses = {};
  let requests = 0;
  async function call(kind, index, method, path, body) {
    const started = performance.now();
    const answer = await node.call(index, method, path, body);
    latency[kind].push(performance.now() - started);
    requests++;
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    return answer;
  }

  const flows = [];
  let open = 0;
  async function startFlow(index) {
    const flow = { index, persona: personaOf(index), outcomes: [], flowId: undefined };
    flows.push(flow);
    const started = await call('submit', index, 'POST', '/link/flows', { method: 'max' });
    if (started.status !== 200) return void flow.outcomes.push(`start ${started.status}`);
    flow.flowId = started.body.flowId;
    const phone = `+7952${String(1_000_000 + index).padStart(7, '0')}`;
    const pending = await call('submit', index, 'POST', `/link/flows/${flow.flowId}/steps/${started.body.step.id}`, { action: 'continue', values: { phone } });
    if (pending.status !== 200) return void flow.outcomes.push(`phone ${pending.status}`);
    open++;
    const poll = async () => {
      const sent = performance.now();
      const busy = open >= INITIAL;
      const answer = await call('poll', index, 'GET', `/link/flows/${flow.flowId}/status`);
      if (busy) {
        steady.latency.push(performance.now() - sent);
        steady.first = Math.min(steady.first, sent);
        steady.last = Math.max(steady.last, sent);
      }
      if (answer.status === 200 && answer.body.step.kind === 'max-pending') return void setTimeout(poll, answer.body.step.pollIntervalMs);
      if (answer.status === 429) return void setTimeout(poll, Number(answer.retryAfter) * 1000);
      flow.outcomes.push(answer.status === 200 ? (answer.body.step.kind === 'done' ? 'linked' : answer.body.step.kind) : answer.status === 409 ? answer.body.error.kind : `lost ${answer.status}`);
      open--;
    };
    // The first poll anywhere within the interval, as browsers that started at different times.
    setTimeout(poll, Math.random() * POLL_MS);
  }

  const load = loadavg()[0];
  const clientCpu = process.cpuUsage();
  const began = performance.now();
  for (let i = 0; i < INITIAL; i += 100) await Promise.all(Array.from({ length: Math.min(100, INITIAL - i) }, (_, k) => startFlow(i + k)));
  for (let b = 0; b < BURSTS; b++) {
    await sleep(BURST_EVERY_MS);
    await Promise.all(Array.from({ length: BURST_SIZE }, (_, k) => startFlow(INITIAL + b * BURST_SIZE + k)));
  }
  const deadline = performance.now() + TTL_MS + 20_000;
  while (open > 0 && performance.now() < deadline) await sleep(250);
  const elapsedMs = performance.now() - began;

  const clientCpuUsed = process.cpuUsage(clientCpu);
  const report = await node.report();
  await node.stop();
  await redis?.stop();

  // Exactly once, from three sides.
  const problems = [];
  const tally = { linked: 0, declined: 0, expired: 0 };
  for (const flow of flows) {
    if (flow.outcomes.length !== 1) problems.push(`flow ${flow.index}: ${flow.outcomes.length} outcomes (${flow.outcomes.join(', ') || 'none'})`);
    const outcome = flow.outcomes[0];
    if (outcome in tally) tally[outcome]++;
    if (outcome !== expected[flow.persona]) problems.push(`flow ${flow.index} (${flow.persona}): ${outcome}`);
    const records = report.recorded[flow.flowId] ?? 0;
    if (records !== (outcome === 'linked' ? 1 : 0)) problems.push(`flow ${flow.index}: recordLink ran ${records} times`);
    const endings = report.endings[flow.flowId] ?? [];
    if (endings.length !== 1) problems.push(`flow ${flow.index}: ${endings.length} endings in the server log (${endings.join(', ')})`);
  }
  if (report.failedDeliveries) problems.push(`${report.failedDeliveries} webhook deliveries failed`);

  const steadySeconds = (steady.last - steady.first) / 1000;
  return {
    store: mode === 'http' ? storeName : `${storeName}, in-process`,
    loadAverageAtStart: Number(load.toFixed(1)),
    flows: flows.length,
    ...tally,
    lost: flows.length - tally.linked - tally.declined - tally.expired,
    requests,
    seconds: Number((elapsedMs / 1000).toFixed(1)),
    requestsPerSecond: Math.round(requests / (elapsedMs / 1000)),
    // While ≥ INITIAL flows were pending (before the people in MAX answer, 12–20 s after the bot wrote).
    steadySeconds: Number(steadySeconds.toFixed(1)),
    pollsPerSecond: Math.round(steady.latency.length / steadySeconds),
    poll: { p50: percentile(steady.latency, 50), p99: percentile(steady.latency, 99), max: Math.max(...steady.latency) },
    allPolls: { count: latency.poll.length, p50: percentile(latency.poll, 50), p99: percentile(latency.poll, 99) },
    submit: { p50: percentile(latency.submit, 50), p99: percentile(latency.submit, 99), max: Math.max(...latency.submit) },
    statuses,
    webhookDeliveries: report.deliveries,
    // In-process, the one process is both: its CPU since this run began.
    serverCpuMsPerRequest: mode === 'http' ? Number((report.cpuMs / requests).toFixed(3)) : undefined,
    clientCpuMsPerRequest: Number(((clientCpuUsed.user + clientCpuUsed.system) / 1000 / requests).toFixed(3)),
    exactlyOnce: problems.length === 0,
    problems: problems.slice(0, 20),
  };
}

const benchEnv = { BENCH_PEOPLE: String(INITIAL + BURSTS * BURST_SIZE), BENCH_TTL_MS: String(TTL_MS), BENCH_POLL_MS: String(POLL_MS) };
const results = [await runAgainst('memory')];
if (findRedisServer()) results.push(await runAgainst('redis'));
else console.log('redis-server not found: the Redis run is skipped (sudo apt-get install -y redis-server).');
// Last: the handler alone in this process, what the kit costs without HTTP and a second process.
Object.assign(process.env, benchEnv);
results.push(await runAgainst('memory', 'in-process'));
rmSync(tmp, { recursive: true, force: true });

const ms = (n) => `${n.toFixed(1)} ms`;
const rows = [['store', 'flows', 'linked / declined / expired', 'lost', 'req/s', 'polls/s', 'poll p50', 'poll p99', 'submit p50', 'submit p99', 'each flow ended once']];
for (const r of results) {
  rows.push([r.store, String(r.flows), `${r.linked} / ${r.declined} / ${r.expired}`, String(r.lost), String(r.requestsPerSecond), String(r.pollsPerSecond), ms(r.poll.p50), ms(r.poll.p99), ms(r.submit.p50), ms(r.submit.p99), r.exactlyOnce ? 'yes' : 'NO']);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
for (const r of results) for (const p of r.problems) console.log(`PROBLEM ${r.store}: ${p}`);
console.log(`(${cpus().length} CPUs; load average at the start of each run: ${results.map((r) => `${r.store} ${r.loadAverageAtStart}`).join(', ')})`);
const memory = results[0];
console.log(`\nTarget: poll p99 ≤ 20 ms at ~1,000 polls/s in memory — ${memory.poll.p99 <= 20 ? 'met' : 'NOT met'} over HTTP (${ms(memory.poll.p99)} at ${memory.pollsPerSecond} polls/s).`);
const alone = results.find((r) => r.store.endsWith('in-process'));
if (alone) console.log(`The handler alone: poll p99 ${ms(alone.poll.p99)} at ${alone.pollsPerSecond} polls/s (${alone.poll.p99 <= 20 ? 'met' : 'NOT met'}).`);
const redisRun = results.find((r) => r.store === 'redis');
if (redisRun) {
  console.log(`Redis against memory, per poll: p50 ${ms(redisRun.poll.p50)} vs ${ms(memory.poll.p50)}, p99 ${ms(redisRun.poll.p99)} vs ${ms(memory.poll.p99)}; server CPU ${redisRun.serverCpuMsPerRequest} vs ${memory.serverCpuMsPerRequest} ms per request (on a shared machine the latencies mostly measure its load).`);
}
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/server.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, results }, null, 2)}\n`);
console.log('Results in bench-results/server.json');
process.exit(results.every((r) => r.exactlyOnce) ? 0 : 1);
