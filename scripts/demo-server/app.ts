// `npm run demo:server`: the widgets on a real backend. createSferumHandler runs here in Node
// behind node:http; the only fakes are VK ID and MAX themselves: msw/node answers the server's
// calls to id.vk.com and the MAX Bot API, a mock VK ID authorize page is served on this origin
// (a popup's navigation cannot be intercepted), and a mock MAX — the person's side of the bot —
// is driven from the page's «MAX (макет)» panel, delivering real webhook calls.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { createSferumHandler, type SferumHandler } from '../../src/server/handler.js';
import { toNodeListener, type NodeListener } from '../../src/server/node.js';
import type { SferumLink } from '../../src/server/options.js';
import { createRedisStore } from '../../src/server/redis.js';
import type { FlowStore } from '../../src/server/store.js';
import { createMaxHandlers } from '../../mocks/max-api/handlers.js';
import { MOCK_MAX_BOT, MockMax } from '../../mocks/max-api/state.js';
import { createVkidHandlers } from '../../mocks/vkid-api/handlers.js';
import { MOCK_VKID_ACCOUNT, MockVkid, VKID_SCENARIOS, type VkidScenario } from '../../mocks/vkid-api/state.js';
import { SEED_CHATS, conferencesAround } from '../../mocks/data.js';
import { formatPhone } from '../../src/phone/phone.js';

export interface DemoServerOptions {
  /** Folder with index.html, demo.css, vkid-callback.html/.js and the bundled page.js. */
  assets: string;
  port?: number;
  host?: string;
  /** Keep flows in this Redis instead of in memory. */
  redisUrl?: string;
  /** Log the handler's lines to the console. */
  verbose?: boolean;
}

const SESSION = 'sferum-demo-session';
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function sessionOf(req: IncomingMessage): string | undefined {
  return new RegExp(`(?:^|;\\s*)${SESSION}=([\\w-]+)`).exec(req.headers.cookie ?? '')?.[1];
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
}

export async function startDemoServer(options: DemoServerOptions) {
  const links = new Map<string, SferumLink>();
  const recorded = new Map<string, number>();
  /** Deep links the server handed out, newest last (the panel opens them «in MAX»). */
  const deepLinks: string[] = [];
  let origin = '';
  const store = options.redisUrl ? createRedisStore({ url: options.redisUrl, prefix: `sferum-demo-${process.pid}:` }) : undefined;

  const vkid = new MockVkid({ redirectUris: [] });
  const max = new MockMax({ persona: 'manual' });
  const msw = setupServer(...createVkidHandlers(vkid), ...createMaxHandlers(max));
  msw.listen({ onUnhandledRequest: 'bypass' });

  // The handler needs the origin, known once the server listens.
  const mounted: { api?: NodeListener } = {};

  const asset = (name: string) => readFileSync(join(options.assets, name));
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', ...headers });
    res.end(body);
  };
  const json = (res: ServerResponse, body: unknown, status = 200) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      const path = url.pathname;
      if (path.startsWith('/api/sferum/')) return mounted.api!(req, res);
      // The demo's own same-origin controls: only from this page.
      if (req.method === 'POST' && req.headers.origin !== origin) return json(res, { error: 'origin' }, 403);
      switch (`${req.method} ${path}`) {
        case 'GET /':
        case 'GET /index.html': {
          const headers: Record<string, string> = { 'Content-Security-Policy': CSP };
          if (!sessionOf(req)) headers['Set-Cookie'] = `${SESSION}=${randomUUID()}; Path=/; HttpOnly; SameSite=Lax`;
          return send(res, 200, TYPES['html']!, asset('index.html'), headers);
        }
        case 'GET /page.js':
        case 'GET /demo.css':
        case 'GET /vkid-callback.js':
          return send(res, 200, TYPES[path.split('.').pop()!]!, asset(path.slice(1)));
        case 'GET /vkid-callback.html':
          return send(res, 200, TYPES['html']!, asset('vkid-callback.html'), { 'Content-Security-Policy': CSP });
        case 'GET /mock-vkid/authorize': {
          // VK ID's page, imitated: check the request as VK ID would, then ask the person.
          const check = vkid.authorize(new URL(url), 'deny');
          if (!('redirect' in check)) return send(res, check.status, TYPES['html']!, `<!doctype html><title>VK ID</title><p>${escapeHtml(check.error)}: ${escapeHtml(check.description)}</p>`);
          return send(res, 200, TYPES['html']!, authorizePage(url), { 'Content-Security-Policy': CSP });
        }
        case 'GET /mock-vkid/decide': {
          const authorize = new URL(url);
          authorize.searchParams.delete('choice');
          const result = vkid.authorize(authorize, url.searchParams.get('choice') === 'allow' ? 'allow' : 'deny');
          if (!('redirect' in result)) return send(res, result.status, TYPES['html']!, escapeHtml(result.description));
          res.writeHead(302, { Location: result.redirect, 'Cache-Control': 'no-store' });
          return void res.end();
        }
        case 'GET /mock/state':
          return json(res, {
            vkidScenario: vkid.scenario,
            vkidScenarios: VKID_SCENARIOS,
            people: [...max.users.values()].map((u) => ({ userId: u.userId, name: `${u.firstName} ${u.lastName ?? ''}`.trim(), phone: formatPhone(`+${u.phone}`), started: u.started })),
            messages: max.messages.map((m) => ({ mid: m.mid, userId: m.userId, text: m.text, buttons: m.buttons.flat().map((b) => ({ text: b.text, type: b.type })) })),
            deepLink: deepLinks.at(-1) ?? null,
          });
        case 'POST /mock/vkid-scenario': {
          const body = await readJson(req);
          if (typeof body['scenario'] === 'string' && body['scenario'] in VKID_SCENARIOS) vkid.scenario = body['scenario'] as VkidScenario;
          return json(res, { vkidScenario: vkid.scenario });
        }
        case 'POST /mock/max-press': {
          const body = await readJson(req);
          try {
            return json(res, { status: await max.press(Number(body['userId']), String(body['text'])) });
          } catch (error) {
            return json(res, { error: (error as Error).message }, 400);
          }
        }
        case 'POST /mock/max-open': {
          const body = await readJson(req);
          const link = deepLinks.at(-1);
          if (!link) return json(res, { error: 'no deep link yet' }, 400);
          return json(res, { status: await max.openDeepLink(Number(body['userId']), link) });
        }
        case 'GET /mock/recorded':
          return json(res, Object.fromEntries(recorded));
        default:
          return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      }
    })().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Demo server error');
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  origin = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  mounted.api = demoHandler(origin, { links, recorded, deepLinks, vkid, max, store, verbose: options.verbose ?? false });
  vkid.redirectUris.push(`${origin}/vkid-callback.html`);
  max.webhook = { url: `${origin}/api/sferum/max/webhook`, secret: 'demo-webhook-secret' };

  return {
    url: origin,
    vkid,
    max,
    recorded,
    close: async () => {
      msw.close();
      await store?.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

interface DemoJournal {
  links: Map<string, SferumLink>;
  recorded: Map<string, number>;
  deepLinks: string[];
  vkid: MockVkid;
  max: MockMax;
  store: FlowStore | undefined;
  verbose: boolean;
}

/** The handler as a journal would configure it, on the demo's origin. */
function demoHandler(origin: string, { links, recorded, deepLinks, vkid, max, store, verbose }: DemoJournal): NodeListener {
  const handler = createSferumHandler({
    hooks: {
      getUserId: (request) => new RegExp(`(?:^|;\\s*)${SESSION}=([\\w-]+)`).exec(request.headers.get('Cookie') ?? '')?.[1] ?? null,
      getLink: async (user) => links.get(user) ?? null,
      recordLink: async (user, link) => {
        recorded.set(link.flowId, (recorded.get(link.flowId) ?? 0) + 1);
        const stored: SferumLink = { method: link.method, phone: link.phone, sferumUrl: 'https://sferum.ru/?p=messages', ...(link.profileName ? { profileName: link.profileName } : {}) };
        links.set(user, stored);
        return stored;
      },
      removeLink: async (user) => void links.delete(user),
      listChats: async (user) => ({ chats: links.has(user) ? SEED_CHATS : [] }),
      listConferences: async (user) => {
        const all = conferencesAround(Date.now());
        return links.has(user) ? all : { ...all, conferences: [] };
      },
      getLessonConference: async (_user, lessonId) => {
        const all = conferencesAround(Date.now());
        const conference = all.conferences.find((c) => c.id === 'vc-live') ?? null;
        return { lessonId, serverTime: all.serverTime, timeZone: all.timeZone, online: true, conference };
      },
    },
    origins: [origin],
    ...(store ? { store } : {}),
    vkid: {
      clientId: vkid.clientId,
      redirectUri: `${origin}/vkid-callback.html`,
      authorizeUrl: `${origin}/mock-vkid/authorize`,
    },
    max: {
      botToken: MOCK_MAX_BOT.token,
      botName: MOCK_MAX_BOT.name,
      webhookSecret: 'demo-webhook-secret',
      journalName: 'Электронная школа (демо)',
      pollIntervalMs: 1500,
      findUserByPhone: async (phone) => max.findByPhone(phone)?.userId ?? null,
    },
    log: verbose ? (entry) => console.log(JSON.stringify(entry)) : (entry) => entry.level === 'error' && console.error(JSON.stringify(entry)),
  });
  // Remember the deep links the server hands out: the panel's mock MAX opens them as the person would.
  const spying: SferumHandler = async (request, context) => {
    const response = await handler(request, context);
    if (request.method === 'POST' && response.status === 200 && /\/steps\/[\w-]+$/.test(new URL(request.url).pathname)) {
      const link = ((await response.clone().json()) as { step?: { deepLink?: string } }).step?.deepLink;
      if (link) deepLinks.push(link);
    }
    return response;
  };
  return toNodeListener(spying);
}

/** VK ID's consent screen, imitated (our own markup; no VK assets). */
function authorizePage(url: URL): string {
  const decide = (choice: 'allow' | 'deny') => {
    const target = new URL('/mock-vkid/decide', url);
    for (const [key, value] of url.searchParams) target.searchParams.set(key, value);
    target.searchParams.set('choice', choice);
    return escapeHtml(`${target.pathname}${target.search}`);
  };
  const a = MOCK_VKID_ACCOUNT;
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>VK ID — вход (макет)</title><link rel="stylesheet" href="/demo.css"></head>
<body class="vkid"><main class="vkid-card">
<p class="vkid-mark">VK ID <span>макет</span></p>
<h1>Сервис «Электронная школа (демо)» запрашивает доступ</h1>
<p class="vkid-account"><strong>${escapeHtml(`${a.firstName} ${a.lastName}`)}</strong><br>${escapeHtml(formatPhone(`+${a.phone}`))}</p>
<p>Сервис получит: имя и фамилию, фото профиля, номер телефона.</p>
<p class="vkid-actions"><a class="vkid-allow" href="${decide('allow')}">Разрешить</a> <a class="vkid-deny" href="${decide('deny')}">Отказаться</a></p>
<p class="vkid-note">Это страница-макет демо: настоящая страница VK ID живёт на id.vk.com.</p>
</main></body></html>`;
}
