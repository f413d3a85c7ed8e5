/**
 * Hosted VK ID per VK ID's published OAuth 2.1 API (id.vk.com, «Справочник методов API VK ID»):
 * `GET /authorize` with PKCE S256, `POST /oauth2/auth` with `grant_type=authorization_code`,
 * `code_verifier` and `device_id`, then `POST /oauth2/user_info`. Both POSTs are
 * `application/x-www-form-urlencoded`, as VK ID asks.
 */
import * as z from 'zod/mini';
import type { VkidOptions } from './options.js';

export const VKID_DEFAULTS = Object.freeze({
  authorizeUrl: 'https://id.vk.com/authorize',
  tokenUrl: 'https://id.vk.com/oauth2/auth',
  userInfoUrl: 'https://id.vk.com/oauth2/user_info',
  scope: 'vkid.personal_info phone',
});

export function authorizeUrl(options: VkidOptions, state: string, challenge: string): string {
  const url = new URL(options.authorizeUrl ?? VKID_DEFAULTS.authorizeUrl);
  const params = url.searchParams;
  params.set('response_type', 'code');
  params.set('client_id', options.clientId);
  params.set('redirect_uri', options.redirectUri);
  params.set('state', state);
  params.set('code_challenge', challenge);
  params.set('code_challenge_method', 'S256');
  params.set('scope', options.scope ?? VKID_DEFAULTS.scope);
  for (const [key, value] of Object.entries(options.authorizeParams ?? {})) params.set(key, value);
  return url.href;
}

const tokenAnswer = z.object({
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.optional(z.string()),
  id_token: z.optional(z.string()),
  token_type: z.optional(z.string()),
  expires_in: z.optional(z.number()),
  user_id: z.union([z.number(), z.string()]),
  state: z.optional(z.string()),
  scope: z.optional(z.string()),
});

const errorAnswer = z.object({ error: z.string(), error_description: z.optional(z.string()), state: z.optional(z.string()) });

const userInfoAnswer = z.object({
  user: z.object({
    user_id: z.union([z.number(), z.string()]),
    first_name: z.optional(z.string()),
    last_name: z.optional(z.string()),
    phone: z.optional(z.string()),
    avatar: z.optional(z.string()),
  }),
});

export type VkidTokenAnswer = z.output<typeof tokenAnswer>;
export type VkidUser = z.output<typeof userInfoAnswer>['user'];

/** What went wrong talking to VK ID: `refused` (VK ID said no, e.g. `invalid_grant`) or `unavailable`. */
export class VkidFailure extends Error {
  override readonly name = 'VkidFailure';
  constructor(
    readonly reason: 'refused' | 'unavailable',
    /** VK ID's `error` code (never its description, which may echo input). */
    readonly code: string,
  ) {
    super(`VK ID ${reason}: ${code}`);
  }
}

async function post(fetchImpl: typeof fetch, url: string, form: Record<string, string>, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new VkidFailure('unavailable', 'network');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new VkidFailure('unavailable', `status-${response.status}`);
  }
  const error = errorAnswer.safeParse(body);
  if (error.success) throw new VkidFailure(response.status >= 500 ? 'unavailable' : 'refused', error.data.error.slice(0, 40));
  if (!response.ok) throw new VkidFailure('unavailable', `status-${response.status}`);
  return body;
}

export async function exchangeCode(
  fetchImpl: typeof fetch,
  options: VkidOptions,
  input: { code: string; verifier: string; deviceId: string; state: string },
  timeoutMs: number,
): Promise<VkidTokenAnswer> {
  const body = await post(
    fetchImpl,
    options.tokenUrl ?? VKID_DEFAULTS.tokenUrl,
    {
      grant_type: 'authorization_code',
      code: input.code,
      code_verifier: input.verifier,
      client_id: options.clientId,
      device_id: input.deviceId,
      redirect_uri: options.redirectUri,
      state: input.state,
    },
    timeoutMs,
  );
  const parsed = tokenAnswer.safeParse(body);
  if (!parsed.success) throw new VkidFailure('unavailable', 'token-shape');
  return parsed.data;
}

export async function fetchUserInfo(fetchImpl: typeof fetch, options: VkidOptions, accessToken: string, timeoutMs: number): Promise<VkidUser> {
  const body = await post(fetchImpl, options.userInfoUrl ?? VKID_DEFAULTS.userInfoUrl, { client_id: options.clientId, access_token: accessToken }, timeoutMs);
  const parsed = userInfoAnswer.safeParse(body);
  if (!parsed.success) throw new VkidFailure('unavailable', 'user-info-shape');
  return parsed.data.user;
}
