import { HttpResponse, delay, http, type HttpHandler } from 'msw';
import { MockBackend, type MockResponse } from './backend.js';

export const API_BASE = '/api/sferum';

export interface HandlerOptions {
  /** Path prefix of the API; matched on any origin. Default `/api/sferum`. */
  base?: string;
  /** Simulated latency in ms (the demo uses some so that loading states are visible). */
  latencyMs?: number;
}

/** The HTTP contract of docs/http-contract.md, answered by a `MockBackend`. */
export function createHandlers(backend: MockBackend, options: HandlerOptions = {}): HttpHandler[] {
  const base = `*${options.base ?? API_BASE}`;
  const latency = options.latencyMs ?? 0;

  const respond =
    (run: (request: Request, params: Record<string, string>) => MockResponse | Promise<MockResponse>) =>
    async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
      const url = new URL(request.url);
      backend.requests.push(`${request.method} ${url.pathname}`);
      if (latency > 0) await delay(latency);
      const fault = backend.fault;
      if (fault === 'network') return HttpResponse.error();
      if (fault === 'timeout') {
        await delay('infinite');
      }
      if (fault === '401') return HttpResponse.json({ error: { kind: 'unauthorized', message: 'Session expired' } }, { status: 401 });
      if (fault === '429') {
        return HttpResponse.json({ error: { kind: 'rate-limited' } }, { status: 429, headers: { 'Retry-After': '30' } });
      }
      if (fault === '500') return new HttpResponse('Internal Server Error', { status: 500, headers: { 'Content-Type': 'text/plain' } });
      if (fault === 'malformed') {
        return new HttpResponse('<!doctype html><html><body><h1>Технические работы</h1></body></html>', {
          status: 200,
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
        });
      }
      const flat: Record<string, string> = {};
      for (const [key, value] of Object.entries(params)) if (typeof value === 'string') flat[key] = value;
      const result = await run(request, flat);
      if (result.status === 204) return new HttpResponse(null, { status: 204 });
      return HttpResponse.json(result.body as never, { status: result.status, headers: result.headers ?? {} });
    };

  const json = async (request: Request): Promise<unknown> => {
    try {
      return await request.json();
    } catch {
      return null;
    }
  };

  return [
    http.get(`${base}/link`, respond(() => backend.getLinkStatus())),
    http.delete(`${base}/link`, respond(() => backend.unlink())),
    http.post(`${base}/link/flows`, respond(async (request) => backend.startLink(await json(request)))),
    http.get(`${base}/link/flows/:flowId`, respond((_, p) => backend.getFlow(p['flowId']!))),
    http.delete(`${base}/link/flows/:flowId`, respond((_, p) => backend.cancelFlow(p['flowId']!))),
    http.get(`${base}/link/flows/:flowId/status`, respond((_, p) => backend.pollLink(p['flowId']!))),
    http.post(
      `${base}/link/flows/:flowId/steps/:stepId`,
      respond(async (request, p) => backend.submitStep(p['flowId']!, p['stepId']!, await json(request))),
    ),
    http.post(`${base}/link/flows/:flowId/steps/:stepId/resend`, respond((_, p) => backend.resendCode(p['flowId']!, p['stepId']!))),
    http.post(`${base}/link/flows/:flowId/external`, respond(async (request, p) => backend.completeExternal(p['flowId']!, await json(request)))),
    http.get(`${base}/chats`, respond(() => backend.listChats())),
    http.get(`${base}/conferences`, respond(() => backend.listConferences())),
    http.get(`${base}/lessons/:lessonId/conference`, respond((_, p) => backend.lessonConference(p['lessonId']!))),
  ];
}
