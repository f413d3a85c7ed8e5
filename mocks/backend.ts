/**
 * A stateful simulation of a journal backend that relays VK ID and MAX: the server side of
 * docs/http-contract.md. Plain TypeScript, no MSW: `handlers.ts` maps HTTP onto it.
 */
import type { LinkStatusInput, StepInput, StepKind } from '../src/adapter/schemas.js';
import { checkPhone, maskPhone } from '../src/phone/phone.js';
import { LINKED_PHONE, MAX_BOT_URL, MOCK_CREDENTIALS, SEED_CHATS, SFERUM_URL, conferencesAround, manyChats, moscowIso } from './data.js';
import { faultOf, type Fault, type ScenarioName } from './scenarios.js';

export interface MockResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface MockOptions {
  /** Vendor of the page: MESH adds its consent dialog «Добавление профиля «Сферум»». */
  vendor?: string;
  /** Where the mock VK ID page lives (the demo's or the test runner's own origin). */
  origin?: string;
  /** Milliseconds between MAX polls the backend asks for. */
  pollIntervalMs?: number;
  /** Where the mock VK ID page is served (default `{origin}/mock-vkid/index.html`). */
  vkidPageUrl?: string;
  /**
   * The journal's VK ID redirect URI: its callback page (`sferum-widgets/vkid-callback`), to which
   * the mock VK ID page returns. Default: `vkid-callback.html` beside the mock page's folder, on `origin`.
   */
  vkidCallbackUrl?: string;
  /** How long a MAX request may wait for «Подключить» (default 10 minutes; the `max-deep-link-expiring` scenario: 20 s). */
  maxRequestTtlMs?: number;
}

/** Login values that trigger the seeds' errors. */
export const MOCK_TRIGGERS = Object.freeze({
  phoneLinkedElsewhere: '+7 952 000-00-01',
  anotherAccountOnPhone: '+7 952 000-00-02',
  vpnBlocked: '+7 952 000-00-03',
});

type Node =
  | 'login'
  | 'known-account'
  | 'password'
  | 'code'
  | 'choose-profile'
  | 'create-profile'
  | 'about-you'
  | 'consent'
  | 'done'
  | 'external'
  | 'r-phone'
  | 'r-code'
  | 'r-account'
  | 'r-method'
  | 'r-email-code'
  | 'r-app-code'
  | 'new-password'
  | 'max-phone'
  | 'max-pending';

type Channel = 'sms' | 'push' | 'call';

/** The backend's screen for each step kind (the recovery screens have their own; `code` is the login code). */
const NODE_OF_KIND: Record<StepKind, Node> = {
  login: 'login',
  'known-account': 'known-account',
  password: 'password',
  code: 'code',
  'choose-profile': 'choose-profile',
  'create-profile': 'create-profile',
  'about-you': 'about-you',
  consent: 'consent',
  external: 'external',
  'recovery-phone': 'r-phone',
  'recovery-account': 'r-account',
  'recovery-method': 'r-method',
  'new-password': 'new-password',
  'max-phone': 'max-phone',
  'max-pending': 'max-pending',
  done: 'done',
};

interface Flow {
  id: string;
  method: 'vkid' | 'max';
  path: Node[];
  node: Node;
  stepId: string;
  history: Node[];
  channel: Channel;
  codeSentAt: number;
  wrongAttempts: number;
  lockedUntil: number;
  polls: number;
  state: string;
  /** The phone the user typed, held like a server would (in memory only). */
  phone?: string;
  /** The page that started the flow (the contract's `returnUrl`; the return page learns it from the widget). */
  returnUrl?: string;
  /** When a MAX request stops waiting (page-clock ms), and its one-time deep-link payload. */
  maxExpiresAt?: number;
  maxStartPayload?: string;
  prefill: Record<string, string>;
}

const FRESH_PREFILL: Record<string, Record<string, string>> = {
  'vkid-variant-1': { lastName: 'Власенков', firstName: 'Семён', middleName: 'Леонидович', birthDate: '1978-12-12', gender: 'male' },
  'vkid-variant-2': { lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович', birthDate: '1978-12-12', gender: 'male' },
  'vkid-known-session': { lastName: 'Власенков', firstName: 'Семён', middleName: 'Леонидович', birthDate: '1978-12-12', gender: 'male' },
  'vkid-hosted': { lastName: 'Власенков', firstName: 'Семён', middleName: 'Леонидович', birthDate: '1978-12-12', gender: 'male' },
};

const error = (status: number, kind: string, extra: Record<string, unknown> = {}): MockResponse => ({
  status,
  body: { error: { kind, ...extra } },
});

export class MockBackend {
  scenario: ScenarioName = 'unlinked';
  options: Required<Omit<MockOptions, 'vkidPageUrl' | 'vkidCallbackUrl' | 'maxRequestTtlMs'>> & {
    vkidPageUrl?: string;
    vkidCallbackUrl?: string;
    maxRequestTtlMs?: number;
  } = { vendor: 'generic', origin: 'http://localhost', pollIntervalMs: 2000 };
  now: () => number = () => Date.now();
  private status: LinkStatusInput = { state: 'unlinked' };
  private readonly flows = new Map<string, Flow>();
  private seq = 0;
  /** Every request the handlers saw, as `METHOD /path`, for tests that count requests. */
  readonly requests: string[] = [];
  /** A fault forced on every request from now on (the demo's «the network drops», «the session expires»). */
  forcedFault: Fault | undefined;
  /** What the user did in MAX, applied at the next poll (the demo's «Подключить» / «Не подключать»). */
  private maxDecision: 'confirmed' | 'declined' | undefined;

  constructor(scenario: ScenarioName = 'unlinked', options: MockOptions = {}) {
    this.reset(scenario, options);
  }

  reset(scenario: ScenarioName, options: MockOptions = {}): void {
    this.scenario = scenario;
    this.options = { ...this.options, ...options };
    this.flows.clear();
    this.requests.length = 0;
    this.forcedFault = undefined;
    this.maxDecision = undefined;
    this.seq = 0;
    this.status = { state: 'unlinked' };
    if (scenario.startsWith('linked')) this.status = this.linkedStatus('vkid', LINKED_PHONE);
    if (scenario === 'pending') {
      const flow = this.createFlow('max', ['max-phone', 'max-pending', 'done']);
      flow.node = 'max-pending';
      flow.phone = LINKED_PHONE;
      this.sendMaxRequest(flow);
      this.status = { state: 'pending', flowId: flow.id, method: 'max' };
    }
  }

  get fault(): Fault | undefined {
    return this.forcedFault ?? faultOf(this.scenario);
  }

  /**
   * A flow already at a step of `kind`, as a person who got there before reloading the page left it
   * (what came before is in its history; the phone is known past the login). Returns the flow id:
   * a test keeps it where the element keeps it, then creates the element, which resumes the flow.
   */
  startFlowAt(kind: StepKind): string {
    const node = NODE_OF_KIND[kind];
    const method = kind === 'max-phone' || kind === 'max-pending' ? 'max' : 'vkid';
    let path: Node[] =
      method === 'max'
        ? ['max-phone', 'max-pending', 'done']
        : this.vkidPath(kind === 'known-account' ? 'vkid-known-session' : kind === 'external' ? 'vkid-hosted' : kind === 'create-profile' ? 'vkid-variant-2' : 'vkid-variant-1');
    // The MESH consent comes before the end on every vendor's flow that is resumed there.
    if (node === 'consent' && !path.includes('consent')) path = [...path.slice(0, -1), 'consent', 'done'];
    const flow = this.createFlow(method, path);
    const index = path.indexOf(node);
    // The recovery screens branch off the password screen.
    flow.history = index >= 0 ? path.slice(0, index) : ['login', 'password'];
    if (!['login', 'known-account', 'external', 'max-phone'].includes(node)) flow.phone = method === 'max' ? LINKED_PHONE : MOCK_CREDENTIALS.phoneE164;
    if (node === 'max-pending') this.status = { state: 'pending', flowId: flow.id, method: 'max' };
    if (node === 'done') this.status = this.linkedStatus(method, flow.phone!);
    flow.node = node;
    flow.codeSentAt = this.now();
    flow.stepId = this.nextStepId(flow);
    return flow.id;
  }

  /** The user pressed «Подключить» or «Не подключать» in MAX. */
  decideMax(decision: 'confirmed' | 'declined'): void {
    this.maxDecision = decision;
  }

  // ---- endpoints -------------------------------------------------------------------------

  getLinkStatus(): MockResponse {
    return { status: 200, body: this.status };
  }

  startLink(body: unknown): MockResponse {
    const method = (body as { method?: unknown } | null)?.method;
    if (method !== 'vkid' && method !== 'max') return error(400, 'invalid-response', { message: 'method must be vkid or max' });
    if (this.status.state === 'linked') return error(409, 'phone-linked-elsewhere', { message: 'Already linked' });
    const flow = this.createFlow(method, method === 'max' ? ['max-phone', 'max-pending', 'done'] : this.vkidPath());
    const returnUrl = (body as { returnUrl?: unknown }).returnUrl;
    if (typeof returnUrl === 'string' && returnUrl.length < 2048) flow.returnUrl = returnUrl;
    return this.flowResponse(flow);
  }

  getFlow(flowId: string): MockResponse {
    const flow = this.flows.get(flowId);
    return flow ? this.flowResponse(flow) : error(404, 'flow-expired');
  }

  cancelFlow(flowId: string): MockResponse {
    this.flows.delete(flowId);
    if (this.status.state === 'pending' && this.status.flowId === flowId) this.status = { state: 'unlinked' };
    return { status: 204 };
  }

  submitStep(flowId: string, stepId: string, body: unknown): MockResponse {
    const flow = this.flows.get(flowId);
    if (!flow) return error(404, 'flow-expired');
    if (flow.stepId !== stepId) return error(409, 'flow-expired', { message: 'The step has changed' });
    const answer = (body ?? {}) as { action?: string; values?: Record<string, unknown> };
    const values = answer.values ?? {};
    const action = answer.action ?? 'continue';
    const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');

    if (action === 'back') {
      const previous = flow.history.pop();
      if (!previous) return error(409, 'flow-expired', { message: 'Nothing to go back to' });
      return this.enter(flow, previous, false);
    }
    if (this.now() < flow.lockedUntil) {
      return error(429, 'too-many-attempts', { retryAfter: Math.ceil((flow.lockedUntil - this.now()) / 1000) });
    }

    switch (flow.node) {
      case 'login': {
        const login = str('login').trim();
        if (login === '') return error(422, 'invalid-phone', { field: 'login' });
        const phone = checkPhone(login);
        if (!login.includes('@') && !phone.ok) return error(422, 'invalid-phone', { field: 'login' });
        if (phone.ok) {
          const trigger = this.trigger(phone.e164);
          if (trigger) return trigger;
          flow.phone = phone.e164;
        }
        return this.enter(flow, this.next(flow));
      }
      case 'known-account':
        if (action === 'another-account') return this.switchToLogin(flow, this.vkidPath('vkid-variant-1'));
        if (action === 'create-profile') return this.enter(flow, 'create-profile');
        return this.enter(flow, this.next(flow));
      case 'password':
        if (action === 'forgot-password') return this.enter(flow, 'r-phone');
        if (str('password') !== MOCK_CREDENTIALS.password) return this.wrong(flow, 'wrong-password', 'password');
        flow.wrongAttempts = 0;
        return this.enter(flow, this.next(flow));
      case 'code':
      case 'r-code':
      case 'r-email-code':
      case 'r-app-code': {
        if (action === 'other-method' && flow.node === 'code') {
          flow.channel = flow.channel === 'sms' ? 'call' : flow.channel === 'call' ? 'push' : 'sms';
          flow.codeSentAt = this.now();
          return this.enter(flow, 'code', false);
        }
        if (action === 'use-password') return this.enter(flow, 'password');
        if (action === 'change-phone') return this.switchToLogin(flow, flow.path);
        if (action === 'no-email-access') return this.enter(flow, 'r-method');
        const code = str('code');
        if (code === MOCK_CREDENTIALS.expiredCode) return error(422, 'code-expired', { field: 'code' });
        const expected =
          flow.node === 'r-email-code'
            ? MOCK_CREDENTIALS.emailCode
            : flow.node === 'code' && flow.channel === 'call'
              ? MOCK_CREDENTIALS.callCode
              : MOCK_CREDENTIALS.smsCode;
        if (code !== expected) return this.wrong(flow, 'wrong-code', 'code');
        flow.wrongAttempts = 0;
        if (flow.node === 'r-code') return this.enter(flow, 'r-account');
        if (flow.node === 'r-email-code' || flow.node === 'r-app-code') return this.enter(flow, 'new-password');
        return this.enter(flow, this.next(flow));
      }
      case 'choose-profile':
        if (!str('profileId')) return error(422, 'invalid-response', { field: 'profileId' });
        return this.enter(flow, this.next(flow));
      case 'create-profile':
        if (action === 'another-account') return this.switchToLogin(flow, this.vkidPath('vkid-variant-1'));
        return this.enter(flow, this.next(flow));
      case 'about-you':
        for (const name of ['lastName', 'firstName', 'birthDate', 'gender']) {
          if (!str(name)) return error(422, 'invalid-response', { field: name });
        }
        return this.enter(flow, this.next(flow));
      case 'consent':
        return this.enter(flow, this.next(flow));
      case 'r-phone': {
        const phone = checkPhone(str('phone'));
        if (!phone.ok) return error(422, 'invalid-phone', { field: 'phone' });
        flow.phone = phone.e164;
        flow.codeSentAt = this.now();
        return this.enter(flow, 'r-code');
      }
      case 'r-account':
        if (action === 'another-account') return this.switchToLogin(flow, flow.path);
        return this.enter(flow, 'r-method');
      case 'r-method': {
        const method = str('method');
        flow.codeSentAt = this.now();
        if (method === 'email') return this.enter(flow, 'r-email-code');
        if (method === 'app' || method === 'friends') return this.enter(flow, 'r-app-code');
        return error(422, 'invalid-response', { field: 'method' });
      }
      case 'new-password': {
        const password = str('password');
        if (password.length < 8 || password !== str('repeat')) return error(422, 'invalid-response', { field: 'password' });
        return this.switchToLogin(flow, flow.path);
      }
      case 'max-phone': {
        const phone = checkPhone(str('phone'));
        if (!phone.ok) return error(422, 'invalid-phone', { field: 'phone' });
        const trigger = this.trigger(phone.e164);
        if (trigger) return trigger;
        flow.phone = phone.e164;
        flow.polls = 0;
        this.sendMaxRequest(flow);
        this.status = { state: 'pending', flowId: flow.id, method: 'max' };
        return this.enter(flow, 'max-pending');
      }
      default:
        return error(409, 'flow-expired', { message: `Nothing to submit on ${flow.node}` });
    }
  }

  resendCode(flowId: string, stepId: string): MockResponse {
    const flow = this.flows.get(flowId);
    if (!flow) return error(404, 'flow-expired');
    if (flow.stepId !== stepId) return error(409, 'flow-expired');
    const wait = this.resendWait(flow) - Math.floor((this.now() - flow.codeSentAt) / 1000);
    if (wait > 0) return error(429, 'too-many-attempts', { retryAfter: wait });
    flow.codeSentAt = this.now();
    return this.enter(flow, flow.node, false);
  }

  completeExternal(flowId: string, body: unknown): MockResponse {
    const flow = this.flows.get(flowId);
    if (!flow || flow.node !== 'external') return error(404, 'flow-expired');
    const params = ((body as { params?: Record<string, unknown> } | null)?.params ?? {}) as Record<string, unknown>;
    if (params['error'] === 'access_denied') return error(409, 'declined');
    if (params['state'] !== flow.state || typeof params['code'] !== 'string') return error(400, 'declined', { message: 'state mismatch' });
    flow.phone = MOCK_CREDENTIALS.phoneE164;
    return this.enter(flow, this.next(flow));
  }

  pollLink(flowId: string): MockResponse {
    const flow = this.flows.get(flowId);
    if (!flow) return error(404, 'flow-expired');
    if (flow.node !== 'max-pending') return this.flowResponse(flow);
    flow.polls++;
    const decision = this.maxDecision;
    this.maxDecision = undefined;
    if (decision === 'declined') return this.endPending(flow, 'declined');
    if (decision === 'confirmed') return this.enter(flow, 'done', false);
    if (flow.maxExpiresAt !== undefined && this.now() >= flow.maxExpiresAt) return this.endPending(flow, 'expired');
    // The max-* scenarios decide by themselves; elsewhere (and with a deep link, for the person at
    // a desktop) the request waits for the person: the demo's «Подключить» / «Не подключать»
    // controls, or a test calling decideMax.
    if (!this.scenario.startsWith('max-') || this.scenario.startsWith('max-deep-link')) return this.flowResponse(flow);
    const outcomeAfter = this.scenario === 'max-slow' ? 3 : 2;
    if (flow.polls >= outcomeAfter) {
      if (this.scenario === 'max-declined') return this.endPending(flow, 'declined');
      if (this.scenario === 'max-expired') return this.endPending(flow, 'expired');
      return this.enter(flow, 'done', false);
    }
    return this.flowResponse(flow);
  }

  unlink(): MockResponse {
    if (this.status.state !== 'linked') return error(409, 'unlink-forbidden', { message: 'Not linked' });
    this.status = { state: 'unlinked' };
    return { status: 200, body: this.status };
  }

  listChats(): MockResponse {
    if (this.status.state !== 'linked') return { status: 200, body: { chats: [] } };
    const chats = this.scenario === 'linked-many-chats' ? manyChats(10_000) : SEED_CHATS;
    return { status: 200, body: { chats } };
  }

  listConferences(): MockResponse {
    if (this.status.state !== 'linked') return { status: 200, body: { serverTime: moscowIso(this.now()), timeZone: 'Europe/Moscow', conferences: [] } };
    return { status: 200, body: conferencesAround(this.now()) };
  }

  lessonConference(lessonId: string): MockResponse {
    const all = conferencesAround(this.now());
    const byLesson: Record<string, string> = { 'lesson-live': 'vc-live', 'lesson-tomorrow': 'vc-tomorrow', 'lesson-ended': 'vc-ended' };
    const conference = all.conferences.find((c) => c.id === byLesson[lessonId]) ?? null;
    return {
      status: 200,
      body: { lessonId, serverTime: all.serverTime, timeZone: all.timeZone, online: conference !== null, conference },
    };
  }

  // ---- flow machinery --------------------------------------------------------------------

  private vkidPath(scenario: string = this.scenario): Node[] {
    const consent: Node[] = this.options.vendor === 'mesh' ? ['consent'] : [];
    switch (scenario) {
      case 'vkid-variant-2':
        return ['login', 'password', 'code', 'create-profile', 'about-you', ...consent, 'done'];
      case 'vkid-variant-3':
        return ['login', 'code', 'about-you', 'create-profile', ...consent, 'done'];
      case 'vkid-known-session':
        return ['known-account', 'about-you', ...consent, 'done'];
      case 'vkid-hosted':
        return ['external', ...consent, 'done'];
      case 'vkid-popup':
        // The mock VK ID page itself: its credential screens, then back to the journal.
        return ['login', 'password', 'code', 'done'];
      default:
        return ['login', 'password', 'code', 'choose-profile', 'about-you', ...consent, 'done'];
    }
  }

  private createFlow(method: 'vkid' | 'max', path: Node[]): Flow {
    const id = `flow-${++this.seq}-${Math.random().toString(36).slice(2, 10)}`;
    const flow: Flow = {
      id,
      method,
      path,
      node: path[0]!,
      stepId: '',
      history: [],
      channel: this.scenario === 'vkid-variant-2' ? 'push' : 'sms',
      codeSentAt: this.now(),
      wrongAttempts: 0,
      lockedUntil: 0,
      polls: 0,
      state: randomToken(),
      prefill: FRESH_PREFILL[this.scenario] ?? {},
    };
    flow.stepId = this.nextStepId(flow);
    this.flows.set(id, flow);
    return flow;
  }

  private nextStepId(flow: Flow): string {
    return `${flow.id}-s${++this.seq}`;
  }

  private next(flow: Flow): Node {
    const index = flow.path.indexOf(flow.node);
    return flow.path[index + 1] ?? 'done';
  }

  private enter(flow: Flow, node: Node, remember = true): MockResponse {
    if (remember && node !== flow.node) flow.history.push(flow.node);
    // Wrong attempts count per screen, as VK ID does.
    if (node !== flow.node) flow.wrongAttempts = 0;
    if (node !== flow.node && (node === 'code' || node === 'r-code' || node === 'r-email-code' || node === 'r-app-code')) {
      flow.codeSentAt = this.now();
    }
    flow.node = node;
    flow.stepId = this.nextStepId(flow);
    if (node === 'done') {
      this.status = this.linkedStatus(flow.method, flow.phone ?? LINKED_PHONE);
      flow.history = [];
    }
    return this.flowResponse(flow);
  }

  private switchToLogin(flow: Flow, path: Node[]): MockResponse {
    flow.path = path.includes('login') ? path : this.vkidPath('vkid-variant-1');
    flow.history = [];
    flow.wrongAttempts = 0;
    return this.enter(flow, 'login', false);
  }

  private wrong(flow: Flow, kind: 'wrong-password' | 'wrong-code', field: string): MockResponse {
    flow.wrongAttempts++;
    if (flow.wrongAttempts >= 3) {
      flow.wrongAttempts = 0;
      flow.lockedUntil = this.now() + 60_000;
      return error(429, 'too-many-attempts', { retryAfter: 60 });
    }
    return error(422, kind, { field });
  }

  private trigger(e164: string): MockResponse | undefined {
    const is = (display: string) => {
      const check = checkPhone(display);
      return check.ok && check.e164 === e164;
    };
    if (is(MOCK_TRIGGERS.phoneLinkedElsewhere)) return error(409, 'phone-linked-elsewhere', { field: 'login' });
    if (is(MOCK_TRIGGERS.anotherAccountOnPhone)) return error(409, 'another-account-on-phone', { field: 'login' });
    if (is(MOCK_TRIGGERS.vpnBlocked)) return error(403, 'vpn-blocked');
    return undefined;
  }

  /** The request goes to MAX: it waits until `maxExpiresAt`; a deep-link scenario gets a one-time start payload. */
  private sendMaxRequest(flow: Flow): void {
    const ttl = this.options.maxRequestTtlMs ?? (this.scenario === 'max-deep-link-expiring' ? 20_000 : 10 * 60_000);
    flow.maxExpiresAt = this.now() + ttl;
    if (this.scenario.startsWith('max-deep-link')) flow.maxStartPayload = randomToken();
  }

  private endPending(flow: Flow, kind: 'declined' | 'expired'): MockResponse {
    this.flows.delete(flow.id);
    this.status = { state: 'unlinked' };
    return error(409, kind);
  }

  private resendWait(flow: Flow): number {
    if (flow.node === 'r-email-code') return 291;
    if (flow.node === 'code' && flow.channel === 'call') return 56;
    if (flow.node === 'code' && flow.channel === 'push') return 60;
    return 113;
  }

  private linkedStatus(method: 'vkid' | 'max', phone: string): LinkStatusInput {
    const notices =
      this.scenario === 'linked-notices' ? [{ kind: 'new-school-year' as const }, { kind: 'restored' as const }] : [];
    return {
      state: 'linked',
      method,
      phone,
      sferumUrl: SFERUM_URL,
      autoChats: this.options.vendor === 'perm',
      notices,
    };
  }

  private flowResponse(flow: Flow): MockResponse {
    return { status: 200, body: { flowId: flow.id, method: flow.method, step: this.stepOf(flow) } };
  }

  private stepOf(flow: Flow): StepInput {
    const id = flow.stepId;
    const canGoBack = flow.history.length > 0 && !['done', 'max-pending', 'external'].includes(flow.node);
    const masked = maskPhone(flow.phone ?? MOCK_CREDENTIALS.phoneE164);
    const elapsed = Math.floor((this.now() - flow.codeSentAt) / 1000);
    const resendAfter = Math.max(0, this.resendWait(flow) - elapsed);
    const account = { name: 'Семён Власенков', phoneMasked: masked };
    switch (flow.node) {
      case 'login':
        // Back at the login (after «←», «Изменить номер телефона», a new password) VK ID shows the number it knows.
        return { id, canGoBack, kind: 'login', ...(flow.phone ? { value: displayVk(flow.phone) } : {}) };
      case 'known-account':
        return { id, canGoBack, kind: 'known-account', account, hasProfile: true };
      case 'password':
        return { id, canGoBack, kind: 'password', phoneDisplay: displayVk(flow.phone ?? MOCK_CREDENTIALS.phoneE164) };
      case 'code':
        return {
          id,
          canGoBack,
          kind: 'code',
          channel: flow.channel,
          length: flow.channel === 'call' ? 4 : 6,
          destination: masked,
          resendAfter,
          alternatives:
            flow.channel === 'push'
              ? ['other-method', 'password']
              : flow.path.includes('password')
                ? ['other-method', 'password', 'change-phone']
                : ['other-method', 'change-phone'],
        };
      case 'choose-profile':
        return {
          id,
          canGoBack,
          kind: 'choose-profile',
          profiles: [
            { id: 'profile-edu', name: 'Семён Власенков', description: 'Учебный профиль' },
            { id: 'profile-edu-2', name: 'Семён Власенков', description: 'Учебный профиль, 2022' },
          ],
        };
      case 'create-profile':
        return { id, canGoBack, kind: 'create-profile', phoneMasked: masked };
      case 'about-you':
        return { id, canGoBack, kind: 'about-you', prefill: flow.prefill };
      case 'consent':
        return { id, canGoBack, kind: 'consent' };
      case 'external': {
        const page = this.options.vkidPageUrl ?? `${this.options.origin}/mock-vkid/index.html`;
        // Like VK ID's authorize URL: the registered redirect URI is the journal's callback page.
        const callback = new URL(this.options.vkidCallbackUrl ?? new URL('../vkid-callback.html', page).pathname, this.options.origin);
        return {
          id,
          canGoBack,
          kind: 'external',
          url: `${page}?response_type=code&state=${encodeURIComponent(flow.state)}&redirect_uri=${encodeURIComponent(callback.href)}`,
          // The message comes from the callback page: the journal's own origin, the redirect URI's.
          expectedOrigin: callback.origin,
          state: flow.state,
        };
      }
      case 'r-phone':
        return { id, canGoBack, kind: 'recovery-phone' };
      case 'r-code':
        return { id, canGoBack, kind: 'code', purpose: 'recovery', channel: 'sms', length: 6, destination: masked, resendAfter, alternatives: ['change-phone'] };
      case 'r-account':
        return { id, canGoBack, kind: 'recovery-account', account };
      case 'r-method':
        return {
          id,
          canGoBack,
          kind: 'recovery-method',
          methods: [{ method: 'app' }, { method: 'email', hint: 'ka***@mail.ru' }, { method: 'friends' }],
        };
      case 'r-email-code':
        return { id, canGoBack, kind: 'code', purpose: 'recovery', channel: 'email', length: 6, destination: 'ka***@mail.ru', resendAfter, alternatives: ['no-email-access'] };
      case 'r-app-code':
        return { id, canGoBack, kind: 'code', purpose: 'recovery', channel: 'app', length: 6, resendAfter: null, alternatives: [] };
      case 'new-password':
        return { id, canGoBack, kind: 'new-password', minLength: 8 };
      case 'max-phone':
        return { id, canGoBack, kind: 'max-phone' };
      case 'max-pending': {
        const slow = this.scenario === 'max-slow' && flow.polls >= 1;
        const interval = slow ? this.options.pollIntervalMs * 2.5 : this.options.pollIntervalMs;
        return {
          id,
          canGoBack,
          kind: 'max-pending',
          pollIntervalMs: Math.round(interval),
          slowDown: slow,
          expiresAt: moscowIso(flow.maxExpiresAt ?? this.now() + 10 * 60_000),
          // The MAX bot's deep link (https://max.ru/<bot>?start=<payload>, payload ≤ 128 characters).
          ...(flow.maxStartPayload ? { deepLink: `${MAX_BOT_URL}?start=${flow.maxStartPayload}` } : {}),
        };
      }
      case 'done':
        return { id, canGoBack: false, kind: 'done', status: this.status };
    }
  }
}

/** `+79521111111` → `+7 952 111-11-11`, as the VK ID password screen writes it. */
function displayVk(e164: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : e164;
}

function randomToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
