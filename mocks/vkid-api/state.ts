/**
 * A stateful imitation of VK ID's OAuth 2.1 endpoints (id.vk.com, «Справочник методов API VK ID»):
 * the authorize page issues one-time codes bound to the PKCE challenge, the redirect URI, the
 * state and a device id; `POST /oauth2/auth` checks every one of them (S256 of the verifier
 * included) before it hands out tokens; `POST /oauth2/user_info` answers for a live access token.
 * `handlers.ts` maps HTTP onto it; the demo's mock authorize page uses `authorize()` directly.
 */

export interface MockVkidAccount {
  userId: string;
  firstName: string;
  lastName: string;
  /** As VK ID returns it: digits with the country code, no `+`. */
  phone: string;
  avatar: string;
  email: string;
}

/**
 * What the person does on the authorize page: give consent, refuse (`access_denied`), or
 * situations a backend must survive — the result comes back with another `state`, the code
 * has expired by the time it is exchanged, the account has no phone.
 */
export type VkidScenario = 'consent' | 'access_denied' | 'wrong-state' | 'expired-code' | 'no-phone';

export const VKID_SCENARIOS: Record<VkidScenario, string> = {
  consent: 'The person logs in and allows access',
  access_denied: 'The person refuses: error=access_denied',
  'wrong-state': 'The result comes back with a state that is not the flow\'s',
  'expired-code': 'The code has expired before the exchange (invalid_grant)',
  'no-phone': 'The account gives no phone number (the app lacks the phone scope)',
};

export const MOCK_VKID_ACCOUNT: MockVkidAccount = Object.freeze({
  userId: '1234567890',
  firstName: 'Семён',
  lastName: 'Власенков',
  phone: '79521111111',
  avatar: 'https://sun1-00.userapi.com/s/v1/mock/avatar.jpg',
  email: 'semyon@example.ru',
});

export const MOCK_VKID_APP = Object.freeze({ clientId: '51234567' });

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  state: string;
  deviceId: string;
  scope: string;
  expiresAt: number;
  used: boolean;
}

export type AuthorizeResult = { redirect: string } | { status: number; error: string; description: string };

export interface MockVkidOptions {
  clientId?: string;
  /** The app's trusted redirect URLs: `redirect_uri` must be one of them, exactly. */
  redirectUris?: readonly string[];
  scenario?: VkidScenario;
  account?: MockVkidAccount;
  now?: () => number;
}

const random = (bytes = 16) => {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return btoa(String.fromCharCode(...buffer)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export class MockVkid {
  clientId: string;
  redirectUris: string[];
  scenario: VkidScenario;
  account: MockVkidAccount;
  now: () => number;
  private readonly codes = new Map<string, IssuedCode>();
  private readonly tokens = new Map<string, { clientId: string; userId: string; scope: string; expiresAt: number }>();
  /** Every exchange attempt and its outcome (`ok` or VK ID's error code), for tests. */
  readonly exchanges: string[] = [];

  constructor(options: MockVkidOptions = {}) {
    this.clientId = options.clientId ?? MOCK_VKID_APP.clientId;
    this.redirectUris = [...(options.redirectUris ?? [])];
    this.scenario = options.scenario ?? 'consent';
    this.account = options.account ?? MOCK_VKID_ACCOUNT;
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * `GET /authorize`: checks the request as VK ID does, then — as the person would — answers
   * with a redirect to `redirect_uri` carrying `code`, `state`, `device_id` (or `error`).
   */
  authorize(url: URL, choice: 'allow' | 'deny' = this.scenario === 'access_denied' ? 'deny' : 'allow'): AuthorizeResult {
    const q = url.searchParams;
    const bad = (description: string): AuthorizeResult => ({ status: 400, error: 'invalid_request', description });
    if (q.get('response_type') !== 'code') return bad('response_type must be code');
    if (q.get('client_id') !== this.clientId) return bad('unknown client_id');
    const redirectUri = q.get('redirect_uri') ?? '';
    if (!this.redirectUris.includes(redirectUri)) return bad('redirect_uri is not a trusted redirect URL of the app');
    const challenge = q.get('code_challenge') ?? '';
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return bad('code_challenge is required (base64url of SHA-256)');
    if ((q.get('code_challenge_method') ?? '').toLowerCase() !== 's256') return bad('code_challenge_method must be S256');
    if (q.has('code_verifier')) return bad('code_verifier must not be sent with code_challenge');
    const state = q.get('state') ?? '';
    if (state.length < 8) return bad('state is required');

    const back = new URL(redirectUri);
    const returnedState = this.scenario === 'wrong-state' ? `${state}-other` : state;
    if (choice === 'deny') {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'User denied access');
      back.searchParams.set('state', returnedState);
      return { redirect: back.href };
    }
    const code = `vk2.a.${random(24)}`;
    const deviceId = random(16);
    this.codes.set(code, {
      clientId: this.clientId,
      redirectUri,
      challenge,
      state,
      deviceId,
      scope: q.get('scope') ?? 'vkid.personal_info',
      expiresAt: this.now() + (this.scenario === 'expired-code' ? -1 : 600_000),
      used: false,
    });
    back.searchParams.set('code', code);
    back.searchParams.set('state', returnedState);
    back.searchParams.set('device_id', deviceId);
    back.searchParams.set('type', 'code_v2');
    back.searchParams.set('expires_in', '600');
    return { redirect: back.href };
  }

  /** `POST /oauth2/auth` with `grant_type=authorization_code`. */
  async exchange(form: URLSearchParams): Promise<{ status: number; body: Record<string, unknown> }> {
    const refuse = (status: number, error: string, description: string) => {
      this.exchanges.push(error);
      return { status, body: { error, error_description: description, ...(form.has('state') ? { state: form.get('state') } : {}) } };
    };
    if (form.get('grant_type') !== 'authorization_code') return refuse(400, 'unsupported_grant_type', 'grant_type must be authorization_code');
    const code = form.get('code') ?? '';
    const issued = this.codes.get(code);
    if (!issued || issued.used) return refuse(400, 'invalid_grant', 'Code is invalid or has been used');
    issued.used = true;
    if (issued.expiresAt <= this.now()) return refuse(400, 'invalid_grant', 'Code is expired.');
    if (form.get('client_id') !== issued.clientId) return refuse(400, 'invalid_client', 'client_id does not match the code');
    if (form.get('redirect_uri') !== issued.redirectUri) return refuse(400, 'invalid_grant', 'redirect_uri does not match the authorize request');
    if (form.get('device_id') !== issued.deviceId) return refuse(400, 'invalid_request', 'device_id does not match the code');
    const verifier = form.get('code_verifier') ?? '';
    if (!/^[A-Za-z0-9_-]{43,128}$/.test(verifier)) return refuse(400, 'invalid_request', 'code_verifier is missing or invalid');
    if ((await s256(verifier)) !== issued.challenge) return refuse(400, 'invalid_request', 'Invalid code_challenge');
    const access = `vk2.a.${random(32)}`;
    this.tokens.set(access, { clientId: issued.clientId, userId: this.account.userId, scope: issued.scope, expiresAt: this.now() + 3_600_000 });
    this.exchanges.push('ok');
    return {
      status: 200,
      body: {
        refresh_token: `vk2.r.${random(32)}`,
        access_token: access,
        id_token: `eyJ.${random(32)}`,
        token_type: 'Bearer',
        expires_in: 3600,
        user_id: Number(this.account.userId),
        state: form.get('state') ?? issued.state,
        scope: issued.scope,
      },
    };
  }

  /** `POST /oauth2/user_info`. */
  userInfo(form: URLSearchParams): { status: number; body: Record<string, unknown> } {
    const token = this.tokens.get(form.get('access_token') ?? '');
    if (!token || token.expiresAt <= this.now() || form.get('client_id') !== token.clientId) {
      return { status: 401, body: { error: 'invalid_token', error_description: 'Access token is invalid or expired' } };
    }
    const a = this.account;
    const withPhone = this.scenario !== 'no-phone' && token.scope.split(' ').includes('phone');
    return {
      status: 200,
      body: {
        user: {
          user_id: a.userId,
          first_name: a.firstName,
          last_name: a.lastName,
          avatar: a.avatar,
          sex: 2,
          verified: false,
          birthday: '12.12.1978',
          ...(token.scope.split(' ').includes('email') ? { email: a.email } : {}),
          ...(withPhone ? { phone: a.phone } : {}),
        },
      },
    };
  }
}
