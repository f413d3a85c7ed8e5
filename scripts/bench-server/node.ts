// One server node for `npm run bench:server`, in its own process so that the load generator does
// not share its event loop: createSferumHandler behind node:http, flows in memory or in Redis
// (SFERUM_REDIS_URL), MAX answered by the mock platform through msw's handlers called directly
// (no global interception), a crowd of MAX users who each confirm, decline or never answer. It
// counts recordLink calls and every flow's endings, and reports them over IPC. Imported without
// an IPC channel (the bench's in-process run), it only exports the handler and its report.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { createSferumHandler, type SferumHandler } from '../../src/server/handler.js';
import { toNodeListener } from '../../src/server/node.js';
import type { SferumLink } from '../../src/server/options.js';
import { createRedisStore } from '../../src/server/redis.js';
import { createMaxHandlers } from '../../mocks/max-api/handlers.js';
import { MOCK_MAX_BOT, MockMax, type MaxPersona } from '../../mocks/max-api/state.js';

const env = process.env;
const people = Number(env['BENCH_PEOPLE'] ?? 2000);
const ttlMs = Number(env['BENCH_TTL_MS'] ?? 30_000);
const pollIntervalMs = Number(env['BENCH_POLL_MS'] ?? 1000);

/** The person behind bench phone number i: confirms (50 %), declines (25 %) or never answers (25 %). */
export const personaOfIndex = (i: number): MaxPersona => (i % 4 < 2 ? 'confirm' : i % 4 === 2 ? 'decline' : 'ignore');
const phoneOf = (i: number) => `7952${String(1_000_000 + i).padStart(7, '0')}`;

const ref: { handler?: SferumHandler } = {};
const max = new MockMax({
  deliver: (request) => ref.handler!(request),
  webhook: { url: 'http://bench.local/api/sferum/max/webhook', secret: 'bench-secret' },
  personaOf: (userId) => personaOfIndex(userId - 100_000),
  // The decision comes 12–20 s after the bot's message (so 1,000 flows pend together first); the
  // contact, a second after it is asked for.
  reactionMsOf: (userId, message) => (message.buttons.flat().some((b) => b.type === 'request_contact') ? 1000 : 12_000 + ((userId * 7919) % 8000)),
});
for (let i = 0; i < people; i++) max.addUser({ userId: 100_000 + i, firstName: `Ученик ${i}`, phone: phoneOf(i), started: true });
const maxHandlers = createMaxHandlers(max);

const links = new Map<string, SferumLink>();
const recorded: Record<string, number> = {};
const endings: Record<string, string[]> = {};
const store = env['SFERUM_REDIS_URL'] ? createRedisStore({ url: env['SFERUM_REDIS_URL'], prefix: `sferum-bench-${process.pid}:` }) : undefined;

const handler = createSferumHandler({
  hooks: {
    getUserId: (request) => request.headers.get('X-Bench-User'),
    getLink: async (user) => links.get(user) ?? null,
    recordLink: async (user, link) => {
      recorded[link.flowId] = (recorded[link.flowId] ?? 0) + 1;
      const stored: SferumLink = { method: link.method, phone: link.phone };
      links.set(user, stored);
      return stored;
    },
    removeLink: async (user) => void links.delete(user),
  },
  origins: ['http://bench.local'],
  ...(store ? { store } : {}),
  // Each simulated browser has its own address (a trusted proxy's header, in a real deployment).
  clientAddress: (request) => request.headers.get('X-Forwarded-For') ?? undefined,
  max: {
    botToken: MOCK_MAX_BOT.token,
    botName: MOCK_MAX_BOT.name,
    webhookSecret: 'bench-secret',
    ttlMs,
    pollIntervalMs,
    findUserByPhone: async (phone) => max.findByPhone(phone)?.userId ?? null,
  },
  fetch: async (input, init) => (await getResponse(maxHandlers, new Request(input, init))) ?? new Response(null, { status: 404 }),
  log: (entry) => {
    if (entry.flowId && (entry.event === 'flow-linked' || entry.event === 'flow-declined' || entry.event === 'flow-expired' || entry.event === 'flow-cancelled')) {
      (endings[entry.flowId] ??= []).push(entry.event);
    }
    if (entry.level === 'error') console.error(JSON.stringify(entry));
  },
});
ref.handler = handler;

export { handler };

export async function report() {
  await max.settled();
  const cpu = process.cpuUsage();
  return { cpuMs: Math.round((cpu.user + cpu.system) / 1000), recorded, endings, botMessages: max.messages.length, deliveries: max.deliveries.length, failedDeliveries: max.deliveries.filter((d) => d.status !== 200).length };
}

export async function close() {
  await store?.close();
}

if (process.send) {
  const server = createServer(toNodeListener(handler));
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
  process.on('message', async (message: { report?: boolean; stop?: boolean }) => {
    if (message.report) process.send!({ report: await report() });
    if (message.stop) {
      server.closeAllConnections();
      server.close();
      await close();
      process.exit(0);
    }
  });
}
