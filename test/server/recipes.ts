// The README's server recipes, type-checked by `npm run types` (not run). node:http is checked
// against Node's own types and tested for real in test/node/server-node-http.test.ts; Express,
// Fastify, Hono and Next.js are not dependencies of the kit, so each is checked against the slice
// of its API the recipe uses, typed here by hand (Node's request and response where the framework
// hands those over). The recipe bodies are the README's, line for line.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSferumHandler, toNodeListener, type SferumHooks } from '../../src/server/index.js';
import { createRedisStore } from '../../src/server/redis.js';

declare const hooks: SferumHooks;

const handler = createSferumHandler({
  hooks,
  origins: ['https://school.example.ru'],
  store: createRedisStore({ url: process.env['REDIS_URL'] }),
});

// ---- node:http ------------------------------------------------------------------------------
createServer(toNodeListener(handler)).listen(3000);

// ---- Express: `app.use('/api/sferum', toNodeListener(handler))` -----------------------------
interface ExpressLike {
  use(path: string, handler: (req: IncomingMessage & { originalUrl: string; body?: unknown }, res: ServerResponse, next: (error?: unknown) => void) => void): unknown;
}
declare const app: ExpressLike;
app.use('/api/sferum', toNodeListener(handler));

// ---- Fastify: hand Node's request (with the body Fastify parsed) and response over -----------
interface FastifyLike {
  all(
    path: string,
    handler: (request: { raw: IncomingMessage; body: unknown }, reply: { raw: ServerResponse; hijack(): void }) => void | Promise<void>,
  ): unknown;
}
declare const fastify: FastifyLike;
const sferum = toNodeListener(handler);
fastify.all('/api/sferum/*', (request, reply) => {
  reply.hijack();
  sferum(Object.assign(request.raw, { body: request.body }), reply.raw);
});

// ---- Hono (Fetch API: the handler as it is) --------------------------------------------------
interface HonoLike {
  all(path: string, handler: (c: { req: { raw: Request } }) => Response | Promise<Response>): unknown;
}
declare const hono: HonoLike;
hono.all('/api/sferum/*', (c) => handler(c.req.raw));

// ---- Next.js route handler: app/api/sferum/[...path]/route.ts -----------------------------------
export const GET = (request: Request) => handler(request);
export const POST = (request: Request) => handler(request);
export const DELETE = (request: Request) => handler(request);
