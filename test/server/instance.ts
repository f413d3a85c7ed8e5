// One server node in its own process, for the Redis tests that kill a node mid-flow. It serves the
// handler over node:http on a free loopback port, shares flows through Redis, answers the MAX Bot
// API with its own mock platform, and takes orders from the test over IPC. With
// SFERUM_HANG_RECORD set, its recordLink never returns (the node dies while recording).
import { createServer } from 'node:http';
import { setupServer } from 'msw/node';
import { createSferumHandler, type SferumHandler } from '../../src/server/handler.js';
import { toNodeListener } from '../../src/server/node.js';
import { createRedisStore } from '../../src/server/redis.js';
import { createMaxHandlers } from '../../mocks/max-api/handlers.js';
import { MockMax, MOCK_MAX_BOT } from '../../mocks/max-api/state.js';
import { BASE, ORIGIN, TestJournal, WEBHOOK_SECRET } from './harness.js';

const journal = new TestJournal();
if (process.env['SFERUM_HANG_RECORD']) {
  journal.hooks.recordLink = async () => {
    process.send!({ recording: true });
    return new Promise(() => undefined);
  };
}
const ref: { handler?: SferumHandler } = {};
const max = new MockMax({ webhook: { url: `${BASE}/max/webhook`, secret: WEBHOOK_SECRET }, deliver: (request) => ref.handler!(request) });
setupServer(...createMaxHandlers(max)).listen({ onUnhandledRequest: 'bypass' });
const handler = createSferumHandler({
  hooks: journal.hooks,
  origins: [ORIGIN],
  store: createRedisStore({ url: process.env['SFERUM_REDIS_URL']!, prefix: process.env['SFERUM_REDIS_PREFIX']! }),
  max: { botToken: MOCK_MAX_BOT.token, botName: MOCK_MAX_BOT.name, webhookSecret: WEBHOOK_SECRET, verifyPhone: 'off', findUserByPhone: async (phone) => max.findByPhone(phone)?.userId ?? null },
  log: () => undefined,
});
ref.handler = handler;
const server = createServer(toNodeListener(handler));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', (message: { press?: { user: number; text: string } }) => {
  if (message.press) void max.press(message.press.user, message.press.text).then((status) => process.send!({ pressed: status }));
});
