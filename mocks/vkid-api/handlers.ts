/**
 * MSW handlers for VK ID's own endpoints (node and browser): the authorize page (a 302 to the
 * redirect URI, as the person's choice of the scenario), the code exchange and the user info.
 * Parameters are read from the query and the form body alike (VK ID's web SDK sends some in each).
 */
import { HttpResponse, http, type HttpHandler } from 'msw';
import type { MockVkid } from './state.js';

export const VKID_BASE = 'https://id.vk.com';

async function formOf(request: Request): Promise<URLSearchParams> {
  const params = new URLSearchParams(new URL(request.url).search);
  const type = request.headers.get('Content-Type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(await request.text())) params.set(key, value);
  }
  return params;
}

export function createVkidHandlers(vkid: MockVkid, options: { baseUrl?: string } = {}): HttpHandler[] {
  const base = (options.baseUrl ?? VKID_BASE).replace(/\/+$/, '');
  return [
    http.get(`${base}/authorize`, ({ request }) => {
      const result = vkid.authorize(new URL(request.url));
      if ('redirect' in result) return new HttpResponse(null, { status: 302, headers: { Location: result.redirect } });
      return new HttpResponse(`<!doctype html><title>VK ID</title><p>${result.error}: ${result.description}</p>`, {
        status: result.status,
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
      });
    }),
    http.post(`${base}/oauth2/auth`, async ({ request }) => {
      const result = await vkid.exchange(await formOf(request));
      return HttpResponse.json(result.body, { status: result.status });
    }),
    http.post(`${base}/oauth2/user_info`, async ({ request }) => {
      const result = vkid.userInfo(await formOf(request));
      return HttpResponse.json(result.body, { status: result.status });
    }),
  ];
}
