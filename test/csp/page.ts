// The strict-CSP page's world: every element registered, adapters answered in the page itself.
// MSW cannot run here: registering its service worker (`navigator.serviceWorker.register(url)`) is a
// Trusted Types sink that needs a `TrustedScriptURL`, and the policy allows no Trusted Types policy but
// `lit-html`. So the stateful mock backend answers through `mocks/local-adapter.ts`, with no network.
import '../../src/define/all.js';
import { MockBackend, type MockOptions } from '../../mocks/backend.js';
import { localAdapter } from '../../mocks/local-adapter.js';
import type { SferumAdapter } from '../../src/adapter/adapter.js';
import { SferumError, type SferumErrorKind } from '../../src/adapter/errors.js';
import type { ScenarioName } from '../../mocks/scenarios.js';
import { saveFlow } from '../../src/flows/flow-store.js';

const ACCOUNT = { name: 'Семён Власенков', phoneMasked: '+7 *** ***-**-11' };

/** One sample of each of the 16 step kinds, as a backend would answer (valid per the contract). */
export const STEPS = {
  login: { kind: 'login' },
  'known-account': { kind: 'known-account', account: ACCOUNT, hasProfile: true },
  password: { kind: 'password', phoneDisplay: '+7 952 111-11-11' },
  code: { kind: 'code', channel: 'sms', length: 6, destination: '+7 *** ***-**-11', resendAfter: 59, alternatives: ['other-method', 'password', 'change-phone'] },
  'choose-profile': {
    kind: 'choose-profile',
    profiles: [
      { id: 'p1', name: 'Семён Власенков', description: 'Учебный профиль' },
      { id: 'p2', name: 'Семён Власенков', description: 'Учебный профиль, 2022' },
    ],
  },
  'create-profile': { kind: 'create-profile', phoneMasked: '+7 *** ***-**-11' },
  'about-you': { kind: 'about-you', prefill: { lastName: 'Власенков', firstName: 'Семён', birthDate: '1978-12-12', gender: 'male' } },
  consent: { kind: 'consent' },
  external: { kind: 'external', url: 'https://id.vk.com/authorize?client_id=1', expectedOrigin: location.origin, state: 'csp-walk-state-0123456789abcdef' },
  'recovery-phone': { kind: 'recovery-phone' },
  'recovery-account': { kind: 'recovery-account', account: ACCOUNT },
  'recovery-method': { kind: 'recovery-method', methods: [{ method: 'app' }, { method: 'email', hint: 'ka***@mail.ru' }, { method: 'friends' }] },
  'new-password': { kind: 'new-password', minLength: 8 },
  'max-phone': { kind: 'max-phone' },
  'max-pending': { kind: 'max-pending', pollIntervalMs: 60_000, deepLink: 'https://max.ru/sferum_bot?start=csp-walk' },
  done: { kind: 'done', status: { state: 'linked', method: 'vkid', phone: '+79521111111', sferumUrl: 'https://sferum.ru/' } },
} as const;
export type StepKind = keyof typeof STEPS;

const never = () => new Promise<never>(() => undefined);

export const world = {
  stepKinds: Object.keys(STEPS) as StepKind[],

  /** The stateful mock journal backend of a scenario, answered in the page. */
  mock(scenario: ScenarioName, options: MockOptions = {}): { adapter: SferumAdapter; backend: MockBackend } {
    const backend = new MockBackend(scenario, { origin: location.origin, pollIntervalMs: 1000, ...options });
    return { adapter: localAdapter(backend), backend };
  },

  /** An adapter whose every call fails with `kind`. */
  failing(kind: SferumErrorKind): SferumAdapter {
    const fail = () => Promise.reject(new SferumError(kind, kind, kind === 'rate-limited' ? { retryAfter: 30 } : {}));
    return new Proxy({} as SferumAdapter, { get: () => fail });
  },

  /** An adapter with a flow waiting at `kind`, remembered for the element whose storage key is `key` (a resumed flow). */
  resumedAt(kind: StepKind, key: string): SferumAdapter {
    const method = kind.startsWith('max') ? 'max' : 'vkid';
    const flow = { flowId: `csp-${kind}`, method, step: { id: `step-${kind}`, canGoBack: kind === 'password', ...STEPS[kind] } };
    saveFlow(key, { flowId: flow.flowId, method });
    return {
      getLinkStatus: async () => (kind === 'max-pending' ? { state: 'pending', flowId: flow.flowId, method: 'max' } : { state: 'unlinked' }),
      getFlow: async () => flow,
      pollLink: async () => flow,
      cancelFlow: async () => undefined,
      startLink: never,
      submitStep: never,
      resendCode: never,
      completeExternal: never,
      unlink: never,
      listChats: never,
      listConferences: never,
      getLessonConference: never,
    } as unknown as SferumAdapter;
  },
};

(window as unknown as { world: typeof world }).world = world;
