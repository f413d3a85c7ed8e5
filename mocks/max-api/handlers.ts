/**
 * MSW handlers for the MAX Bot API calls the server makes (node and browser): `POST /messages`,
 * `POST /answers`, `POST|GET /subscriptions`, `GET /me`. Shaped after dev.max.ru: the token in the
 * `Authorization` header (query tokens are refused, as MAX now does), JSON bodies, `{ code, message }` errors.
 */
import { HttpResponse, http, type HttpHandler } from 'msw';
import { MOCK_MAX_BOT, type MockMax } from './state.js';

export const MAX_API_BASE = 'https://platform-api2.max.ru';

export function createMaxHandlers(max: MockMax, options: { baseUrl?: string } = {}): HttpHandler[] {
  const base = (options.baseUrl ?? MAX_API_BASE).replace(/\/+$/, '');
  const authorized = (request: Request) => request.headers.get('Authorization') === max.botToken && !new URL(request.url).searchParams.has('access_token');
  const denied = () => HttpResponse.json({ code: 'verify.token', message: 'Invalid access_token' }, { status: 401 });
  const json = async (request: Request): Promise<Record<string, unknown> | undefined> => {
    try {
      const body = (await request.json()) as unknown;
      return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  const answer = (r: { status: number; body: unknown }) => HttpResponse.json(r.body as never, { status: r.status });

  return [
    http.get(`${base}/me`, ({ request }) => {
      if (!authorized(request)) return denied();
      return HttpResponse.json({ user_id: MOCK_MAX_BOT.userId, first_name: 'Сферум', name: 'Сферум', username: max.botName, is_bot: true, last_activity_time: Date.now() });
    }),
    http.post(`${base}/messages`, async ({ request }) => {
      if (!authorized(request)) return denied();
      const userId = Number(new URL(request.url).searchParams.get('user_id'));
      const body = await json(request);
      if (!Number.isInteger(userId) || userId <= 0 || !body) return HttpResponse.json({ code: 'proto.payload', message: 'user_id and a JSON body are required' }, { status: 400 });
      if (typeof body['text'] === 'string' && body['text'].length > 4000) return HttpResponse.json({ code: 'proto.payload', message: 'text is longer than 4000' }, { status: 400 });
      return answer(max.sendMessage(userId, body as { text?: string; attachments?: unknown[] }));
    }),
    http.post(`${base}/answers`, async ({ request }) => {
      if (!authorized(request)) return denied();
      const callbackId = new URL(request.url).searchParams.get('callback_id') ?? '';
      const body = await json(request);
      if (!callbackId || !body) return HttpResponse.json({ code: 'proto.payload', message: 'callback_id and a JSON body are required' }, { status: 400 });
      return answer(max.answerCallback(callbackId, body as { notification?: string }));
    }),
    http.post(`${base}/subscriptions`, async ({ request }) => {
      if (!authorized(request)) return denied();
      const body = await json(request);
      const url = body?.['url'];
      const secret = body?.['secret'];
      if (typeof url !== 'string' || !url.startsWith('https://')) return HttpResponse.json({ success: false, message: 'url must be https' }, { status: 400 });
      max.subscribe(url, typeof secret === 'string' ? secret : '');
      return HttpResponse.json({ success: true });
    }),
    http.get(`${base}/subscriptions`, ({ request }) => {
      if (!authorized(request)) return denied();
      return HttpResponse.json({ subscriptions: max.webhook ? [{ url: max.webhook.url, time: Date.now(), update_types: ['bot_started', 'message_callback', 'message_created'], version: '0.0.1' }] : [] });
    }),
  ];
}
