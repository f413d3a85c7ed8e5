/**
 * The flow machine behind the HTTP contract: hosted VK ID (`external` → [`consent`] → `done`) and
 * MAX (`max-phone` → `max-pending` → `done`). Every record lives in the `FlowStore` and changes
 * only by compare-and-set, so any number of server nodes may answer any request of a flow, and a
 * flow ends exactly once: linked, declined, expired or cancelled.
 */
import type { ExternalResult, StartLinkInput, StepAnswer } from '../adapter/adapter.js';
import { SferumError, type SferumErrorKind } from '../adapter/errors.js';
import type { FlowStateInput, LinkMethod, LinkStatusInput, StepInput } from '../adapter/schemas.js';
import { checkPhone, maskPhone } from '../phone/phone.js';
import { base64url, createPkce, createSealer, randomToken, sha256, timingSafeEqual, type Sealer } from './crypto.js';
import { HttpFailure, fail } from './http.js';
import { describeError, type Logger } from './log.js';
import { MAX_DEFAULTS, MaxBot, callbackPayload, contactPhone, deepLink, parseCallbackPayload, type MaxUpdate } from './max.js';
import type { Limit, Limits, NewLink, SferumHooks, SferumLink, SferumServerOptions } from './options.js';
import type { FlowStore } from './store.js';
import { VkidFailure, authorizeUrl, exchangeCode, fetchUserInfo } from './vkid.js';

/** How long a finished flow is kept, so that the last poll or a reload still learns how it ended. */
const RETAIN_ENDED_MS = 2 * 60_000;
/** A `recordLink` claimed longer ago than this is taken over (the node that claimed it died). */
const TAKEOVER_AFTER_MS = 15_000;
const VKID_TTL_MS = 15 * 60_000;
/** How long the person may take to type the phone before MAX is asked. */
const MAX_PHONE_TTL_MS = 30 * 60_000;
const CAS_ATTEMPTS = 8;

type Stage = 'external' | 'exchanging' | 'consent' | 'max-phone' | 'max-pending' | 'linking' | 'done' | 'ended';
type Identity = Omit<NewLink, 'flowId'>;

interface FlowRecord {
  id: string;
  /** The journal user the flow belongs to: every request of the flow must come from them. */
  user: string;
  method: LinkMethod;
  stage: Stage;
  /** The current step's one-time id. */
  stepId: string;
  createdAt: number;
  expiresAt: number;
  returnUrl?: string;
  /** Hosted VK ID, until the code is exchanged. */
  vkid?: { state: string; verifier: string; challenge: string };
  /** Who VK ID or MAX said the person is, until the link is recorded. */
  identity?: Identity;
  max?: { phone: string; payload: string; nonce: string; userId?: number; awaitingContact?: boolean };
  linkingSince?: number;
  status?: LinkStatusInput;
  end?: { kind: SferumErrorKind; status: number };
}

interface Loaded {
  record: FlowRecord;
  version: number;
}

/**
 * Per user they hold a person to a handful of tries; per address they are wide, because a whole
 * school often sits behind one NAT address (a class linking at once must not lock itself out).
 */
export const DEFAULT_LIMITS: Limits = {
  start: { user: { max: 20, windowMs: 10 * 60_000 }, address: { max: 300, windowMs: 10 * 60_000 } },
  phone: { user: { max: 5, windowMs: 10 * 60_000 }, address: { max: 100, windowMs: 10 * 60_000 } },
  code: { user: { max: 10, windowMs: 10 * 60_000 }, address: { max: 200, windowMs: 10 * 60_000 } },
  resend: { user: { max: 5, windowMs: 10 * 60_000 }, address: { max: 100, windowMs: 10 * 60_000 } },
  poll: { address: { max: 6000, windowMs: 60_000 } },
};

export interface EngineContext {
  options: SferumServerOptions;
  hooks: SferumHooks;
  store: FlowStore;
  limits: Limits;
  log: Logger;
  now: () => number;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** Thrown when a compare-and-set lost to another writer: the request sees a stale step. */
const conflict = () => fail(409, 'flow-expired', 'The flow changed meanwhile');
const expiredFlow = () => fail(404, 'flow-expired');

const iso = (ms: number) => new Date(ms).toISOString();

async function hashKey(text: string): Promise<string> {
  return base64url(await sha256(text));
}

export class FlowEngine {
  private readonly bot: MaxBot | undefined;
  private readonly sealer: Sealer | undefined;

  constructor(private readonly ctx: EngineContext) {
    this.bot = ctx.options.max ? new MaxBot(ctx.options.max, ctx.fetch, ctx.timeoutMs) : undefined;
    this.sealer = ctx.options.storeSecret ? createSealer(ctx.options.storeSecret) : undefined;
  }

  private get now(): number {
    return this.ctx.now();
  }

  private get grace(): number {
    return this.ctx.options.retainEndedMs ?? RETAIN_ENDED_MS;
  }

  // ---- the store ----------------------------------------------------------------------------

  private async read(flowId: string): Promise<Loaded | undefined> {
    const stored = await this.ctx.store.get(`flow:${flowId}`);
    if (!stored) return undefined;
    let text = stored.value;
    if (this.sealer) {
      try {
        text = await this.sealer.open(text);
      } catch {
        // Sealed under another secret (or not sealed): as good as gone.
        return undefined;
      }
    }
    return { record: JSON.parse(text) as FlowRecord, version: stored.version };
  }

  /** The flow, when it exists and belongs to this user (anything else looks the same: gone). */
  private async load(user: string, flowId: string): Promise<Loaded> {
    const loaded = await this.read(flowId);
    if (!loaded || loaded.record.user !== user) throw expiredFlow();
    return loaded;
  }

  private ttlOf(record: FlowRecord): number {
    if (record.stage === 'done' || record.stage === 'ended') return this.grace;
    return Math.max(0, record.expiresAt - this.now) + this.grace;
  }

  private async save(record: FlowRecord, expect: number | null): Promise<number | undefined> {
    const text = JSON.stringify(record);
    return this.ctx.store.put(`flow:${record.id}`, this.sealer ? await this.sealer.seal(text) : text, this.ttlOf(record), expect);
  }

  private async index(key: string, flowId: string, ttlMs: number): Promise<void> {
    await this.ctx.store.put(key, flowId, ttlMs + this.grace, 'any');
  }

  /** Removes an index entry when it still points at this flow. */
  private async unindex(key: string, flowId: string): Promise<void> {
    const entry = await this.ctx.store.get(key);
    if (entry?.value === flowId) await this.ctx.store.delete(key);
  }

  private async dropIndexes(record: FlowRecord): Promise<void> {
    const jobs = [this.unindex(`pending:${record.user}`, record.id)];
    if (record.max) jobs.push(hashKey(record.max.payload).then((h) => this.unindex(`start:${h}`, record.id)));
    if (record.max?.userId !== undefined) jobs.push(this.unindex(`maxuser:${record.max.userId}`, record.id));
    if (record.vkid) jobs.push(hashKey(record.vkid.state).then((h) => this.unindex(`vkstate:${h}`, record.id)));
    await Promise.all(jobs);
  }

  // ---- limits -------------------------------------------------------------------------------

  private async limit(name: keyof Limits, who: { user?: string; address?: string }, kind: 'rate-limited' | 'too-many-attempts'): Promise<void> {
    const spec = this.ctx.limits[name] as { user?: Limit; address?: Limit };
    for (const scope of ['user', 'address'] as const) {
      const rule = spec[scope];
      const id = who[scope];
      if (!rule || !id) continue;
      const { count, resetInMs } = await this.ctx.store.hit(`rl:${name}:${scope}:${id}`, rule.windowMs);
      if (count > rule.max) {
        this.ctx.log({ level: 'warn', event: 'rate-limited', detail: `${name} per ${scope}` });
        throw fail(429, kind, undefined, { retryAfter: Math.max(1, Math.ceil(resetInMs / 1000)) });
      }
    }
  }

  // ---- rendering ----------------------------------------------------------------------------

  private expectedOrigin(): string {
    return new URL(this.ctx.options.vkid!.redirectUri).origin;
  }

  private stepOf(record: FlowRecord, slowDown = false): StepInput {
    const id = record.stepId;
    switch (record.stage) {
      case 'external':
      case 'exchanging': {
        const vkid = record.vkid!;
        return { id, kind: 'external', url: authorizeUrl(this.ctx.options.vkid!, vkid.state, vkid.challenge), expectedOrigin: this.expectedOrigin(), state: vkid.state };
      }
      case 'consent':
        return { id, kind: 'consent' };
      case 'max-phone':
        return { id, kind: 'max-phone' };
      case 'max-pending':
      case 'linking': {
        if (record.method === 'vkid') throw conflict();
        const interval = this.ctx.options.max?.pollIntervalMs ?? MAX_DEFAULTS.pollIntervalMs;
        return {
          id,
          kind: 'max-pending',
          pollIntervalMs: slowDown ? Math.min(interval * 2, 600_000) : interval,
          slowDown,
          expiresAt: iso(record.expiresAt),
          deepLink: record.max ? deepLink(this.ctx.options.max!, record.max.payload) : null,
        };
      }
      case 'done':
        return { id, kind: 'done', status: record.status! };
      case 'ended':
        throw expiredFlow();
    }
  }

  private flowOf(record: FlowRecord, slowDown = false): FlowStateInput {
    return { flowId: record.id, method: record.method, step: this.stepOf(record, slowDown) };
  }

  private endedError(record: FlowRecord): HttpFailure {
    const end = record.end ?? { kind: 'flow-expired' as const, status: 404 };
    return fail(end.status, end.kind);
  }

  // ---- the link status ----------------------------------------------------------------------

  private async notices(user: string) {
    return (await this.ctx.hooks.notices?.(user)) ?? [];
  }

  private async linkedStatus(user: string, link: SferumLink): Promise<LinkStatusInput> {
    return {
      state: 'linked',
      method: link.method,
      phone: link.phone,
      sferumUrl: link.sferumUrl ?? null,
      ...(link.profileName === undefined ? {} : { profileName: link.profileName }),
      autoChats: link.autoChats ?? false,
      notices: await this.notices(user),
    };
  }

  async status(user: string): Promise<LinkStatusInput> {
    const pendingId = (await this.ctx.store.get(`pending:${user}`))?.value;
    if (pendingId) {
      const loaded = await this.read(pendingId);
      const record = loaded?.record;
      if (record && record.user === user && (record.stage === 'max-pending' || record.stage === 'linking') && this.now <= record.expiresAt) {
        return { state: 'pending', flowId: record.id, method: 'max', notices: await this.notices(user) };
      }
    }
    const link = await this.ctx.hooks.getLink(user);
    return link ? this.linkedStatus(user, link) : { state: 'unlinked', notices: await this.notices(user) };
  }

  async unlink(user: string): Promise<LinkStatusInput> {
    const policy = (await this.ctx.hooks.unlinkPolicy?.(user)) ?? 'self';
    if (policy !== 'self') throw fail(409, 'unlink-forbidden', `Unlinking here is not allowed (${policy})`);
    if (await this.ctx.hooks.getLink(user)) {
      await this.ctx.hooks.removeLink(user);
      this.ctx.log({ level: 'info', event: 'unlinked' });
    }
    return { state: 'unlinked', notices: await this.notices(user) };
  }

  // ---- starting and cancelling --------------------------------------------------------------

  async start(user: string, input: StartLinkInput, address: string | undefined): Promise<FlowStateInput> {
    await this.limit('start', { user, address }, 'rate-limited');
    const { vkid, max } = this.ctx.options;
    if (input.method === 'vkid' && !vkid) throw fail(501, 'server', 'VK ID is not configured on this server');
    if (input.method === 'max' && !max) throw fail(501, 'server', 'MAX is not configured on this server');
    if (await this.ctx.hooks.getLink(user)) throw fail(409, 'phone-linked-elsewhere', 'The account is linked already');
    // One flow per user at a time: a pending MAX request of the same user is withdrawn.
    const pendingId = (await this.ctx.store.get(`pending:${user}`))?.value;
    if (pendingId) await this.cancel(user, pendingId);

    const now = this.now;
    const record: FlowRecord = {
      id: randomToken(),
      user,
      method: input.method,
      stage: input.method === 'vkid' ? 'external' : 'max-phone',
      stepId: randomToken(),
      createdAt: now,
      expiresAt: now + (input.method === 'vkid' ? (vkid?.ttlMs ?? VKID_TTL_MS) : MAX_PHONE_TTL_MS),
    };
    const returnUrl = this.safeReturnUrl(input.returnUrl);
    if (returnUrl) record.returnUrl = returnUrl;
    if (input.method === 'vkid') {
      const pkce = await createPkce();
      record.vkid = { state: randomToken(24), verifier: pkce.verifier, challenge: pkce.challenge };
      await this.index(`vkstate:${await hashKey(record.vkid.state)}`, record.id, record.expiresAt - now);
    }
    if ((await this.save(record, null)) === undefined) throw conflict();
    this.ctx.log({ level: 'info', event: 'flow-started', flowId: record.id, method: record.method });
    return this.flowOf(record);
  }

  /** Only a URL on one of the journal's origins may be a place to come back to. */
  private safeReturnUrl(raw: string | undefined): string | undefined {
    if (!raw) return undefined;
    try {
      const url = new URL(raw);
      const origins = this.ctx.options.origins;
      if (origins && !origins.includes(url.origin)) return undefined;
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
      return url.href;
    } catch {
      return undefined;
    }
  }

  async cancel(user: string, flowId: string): Promise<void> {
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const loaded = await this.read(flowId);
      if (!loaded || loaded.record.user !== user) return;
      const { record, version } = loaded;
      // A flow that has linked (or is recording the link) is not withdrawn by a late cancel.
      if (record.stage === 'done' || record.stage === 'linking' || record.stage === 'ended') return;
      const ended = this.ended(record, 'flow-expired', 404);
      if ((await this.save(ended, version)) === undefined) continue;
      await this.dropIndexes(record);
      this.ctx.log({ level: 'info', event: 'flow-cancelled', flowId, method: record.method });
      return;
    }
  }

  private ended(record: FlowRecord, kind: SferumErrorKind, status: number): FlowRecord {
    // Secrets and the phone go as soon as the flow ends; the outcome stays for the last poll.
    return { id: record.id, user: record.user, method: record.method, stage: 'ended', stepId: randomToken(), createdAt: record.createdAt, expiresAt: record.expiresAt, end: { kind, status } };
  }

  private async endFlow(loaded: Loaded, kind: SferumErrorKind, status: number, event: string): Promise<boolean> {
    if ((await this.save(this.ended(loaded.record, kind, status), loaded.version)) === undefined) return false;
    await this.dropIndexes(loaded.record);
    this.ctx.log({ level: 'info', event, flowId: loaded.record.id, method: loaded.record.method, kind });
    return true;
  }

  // ---- reading and answering steps ----------------------------------------------------------

  async getFlow(user: string, flowId: string): Promise<FlowStateInput> {
    let loaded = await this.load(user, flowId);
    loaded = await this.settleIfStale(loaded);
    const { record } = loaded;
    if (record.stage === 'ended') throw expiredFlow();
    if (this.now > record.expiresAt && record.stage !== 'done') {
      await this.endFlow(loaded, 'expired', 409, 'flow-expired');
      throw expiredFlow();
    }
    return this.flowOf(record);
  }

  async submit(user: string, flowId: string, stepId: string, answer: StepAnswer, address: string | undefined): Promise<FlowStateInput> {
    let loaded = await this.load(user, flowId);
    loaded = await this.settleIfStale(loaded);
    const { record } = loaded;
    if (!timingSafeEqual(stepId, record.stepId) || record.stage === 'ended' || record.stage === 'done') {
      throw fail(409, 'flow-expired', 'The step is no longer current');
    }
    if (this.now > record.expiresAt) {
      await this.endFlow(loaded, 'expired', 409, 'flow-expired');
      throw fail(409, 'flow-expired', 'The flow has expired');
    }
    if (answer.action === 'cancel') {
      await this.cancel(user, flowId);
      return { flowId, method: record.method, step: { id: randomToken(), kind: 'done', status: await this.status(user) } };
    }
    if (record.stage === 'max-phone' && answer.action === 'continue') return this.submitPhone(loaded, answer, address);
    if (record.stage === 'consent' && answer.action === 'continue') {
      const done = await this.settle(loaded, record.identity!);
      return this.flowOf(done);
    }
    throw fail(409, 'flow-expired', `Nothing to answer with «${answer.action}» on this step`);
  }

  async resend(user: string, flowId: string, stepId: string, address: string | undefined): Promise<FlowStateInput> {
    await this.limit('resend', { user, address }, 'too-many-attempts');
    const { record } = await this.load(user, flowId);
    // Hosted VK ID and MAX send no codes through the journal: no step of this server has a resend.
    if (!timingSafeEqual(stepId, record.stepId)) throw fail(409, 'flow-expired', 'The step is no longer current');
    throw fail(409, 'flow-expired', 'This step sends no code');
  }

  // ---- MAX ----------------------------------------------------------------------------------

  private async submitPhone(loaded: Loaded, answer: StepAnswer, address: string | undefined): Promise<FlowStateInput> {
    const { record, version } = loaded;
    await this.limit('phone', { user: record.user, address }, 'too-many-attempts');
    const raw = answer.values?.['phone'];
    const check = typeof raw === 'string' ? checkPhone(raw) : undefined;
    if (!check?.ok) throw fail(422, 'invalid-phone', undefined, { field: 'phone' });
    const phone = check.e164;
    if (await this.ctx.hooks.isPhoneLinkedElsewhere?.(phone, record.user)) throw fail(409, 'phone-linked-elsewhere', undefined, { field: 'phone' });

    const options = this.ctx.options.max!;
    const ttl = options.ttlMs ?? MAX_DEFAULTS.ttlMs;
    const found = (await options.findUserByPhone?.(phone)) ?? undefined;
    const pending: FlowRecord = {
      ...record,
      stage: 'max-pending',
      stepId: randomToken(),
      expiresAt: this.now + ttl,
      max: { phone, payload: randomToken(), nonce: randomToken(), ...(found === undefined ? {} : { userId: found }) },
    };
    if ((await this.save(pending, version)) === undefined) throw conflict();
    // Index keys hold hashes of one-time values, never the values themselves.
    await Promise.all([this.index(`start:${await hashKey(pending.max!.payload)}`, record.id, ttl), this.index(`pending:${record.user}`, record.id, ttl)]);
    this.ctx.log({ level: 'info', event: 'max-requested', flowId: record.id, method: 'max', detail: found === undefined ? 'deep link' : 'user found' });
    if (found !== undefined) await this.sendConfirmation(pending, found);
    return this.flowOf(pending);
  }

  private async sendConfirmation(record: FlowRecord, maxUser: number): Promise<void> {
    const bot = this.bot!;
    const texts = bot.texts;
    const journal = this.ctx.options.max?.journalName ?? 'Электронный журнал';
    const text = texts.confirm.replace('{journal}', journal).replace('{phone}', maskPhone(record.max!.phone));
    try {
      await bot.send(maxUser, text, [
        [{ type: 'callback', text: texts.connect, payload: callbackPayload('confirm', record.id, record.max!.nonce) }],
        [{ type: 'callback', text: texts.dontConnect, payload: callbackPayload('decline', record.id, record.max!.nonce) }],
      ]);
    } catch (error) {
      // The deep link still reaches the bot; the flow waits either way.
      this.ctx.log({ level: 'warn', event: 'max-send-failed', flowId: record.id, detail: describeError(error) });
    }
  }

  private async say(maxUser: number, text: string): Promise<void> {
    try {
      await this.bot!.send(maxUser, text);
    } catch (error) {
      this.ctx.log({ level: 'warn', event: 'max-send-failed', detail: describeError(error) });
    }
  }

  private async answerCallback(callbackId: string, text: string): Promise<void> {
    try {
      await this.bot!.answer(callbackId, text);
    } catch (error) {
      this.ctx.log({ level: 'warn', event: 'max-answer-failed', detail: describeError(error) });
    }
  }

  /** The pending MAX flow, when `maxUser` may act on it now. */
  private livePending(loaded: Loaded | undefined, maxUser: number, nonce?: string): loaded is Loaded {
    const record = loaded?.record;
    if (!record || record.stage !== 'max-pending' || !record.max || this.now > record.expiresAt) return false;
    if (record.max.userId !== undefined && record.max.userId !== maxUser) return false;
    return nonce === undefined || timingSafeEqual(nonce, record.max.nonce);
  }

  /** A webhook delivery from MAX (already authenticated by its secret). */
  async maxUpdate(update: MaxUpdate): Promise<void> {
    if (!this.bot) return;
    const texts = this.bot.texts;
    switch (update.update_type) {
      case 'bot_started': {
        const maxUser = update.user.user_id;
        if (!update.payload) return;
        const flowId = (await this.ctx.store.get(`start:${await hashKey(update.payload)}`))?.value;
        for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
          const loaded = flowId ? await this.read(flowId) : undefined;
          if (!this.livePending(loaded, maxUser)) {
            await this.say(maxUser, texts.stale);
            return;
          }
          const record = loaded.record;
          // The deep link binds the flow to the first MAX user who opens it: one-time.
          const bound: FlowRecord = { ...record, max: { ...record.max!, userId: maxUser } };
          if (record.max!.userId === undefined && (await this.save(bound, loaded.version)) === undefined) continue;
          this.ctx.log({ level: 'info', event: 'max-bot-started', flowId: record.id, method: 'max' });
          await this.sendConfirmation(bound, maxUser);
          return;
        }
        return;
      }
      case 'message_callback': {
        const { callback } = update;
        const parsed = parseCallbackPayload(callback.payload);
        if (!parsed) return;
        const maxUser = callback.user.user_id;
        for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
          const loaded = await this.read(parsed.flowId);
          if (!this.livePending(loaded, maxUser, parsed.nonce)) {
            await this.answerCallback(callback.callback_id, texts.stale);
            return;
          }
          const record = loaded.record;
          if (parsed.decision === 'decline') {
            if (!(await this.endFlow(loaded, 'declined', 409, 'flow-declined'))) continue;
            await this.answerCallback(callback.callback_id, texts.declined);
            return;
          }
          if ((this.ctx.options.max?.verifyPhone ?? 'contact') === 'contact') {
            const asking: FlowRecord = { ...record, max: { ...record.max!, userId: maxUser, awaitingContact: true } };
            if ((await this.save(asking, loaded.version)) === undefined) continue;
            await this.index(`maxuser:${maxUser}`, record.id, record.expiresAt - this.now);
            await this.answerCallback(callback.callback_id, texts.askContact);
            try {
              await this.bot.send(maxUser, texts.askContact, [[{ type: 'request_contact', text: texts.shareContact }]]);
            } catch (error) {
              this.ctx.log({ level: 'warn', event: 'max-send-failed', flowId: record.id, detail: describeError(error) });
            }
            return;
          }
          try {
            await this.settle(loaded, { method: 'max', phone: record.max!.phone, max: { userId: maxUser } });
          } catch (error) {
            if (error instanceof HttpFailure && error.kind === 'flow-expired') continue;
            await this.answerCallback(callback.callback_id, texts.stale);
            this.ctx.log({ level: 'warn', event: 'max-link-failed', flowId: record.id, detail: describeError(error) });
            return;
          }
          await this.answerCallback(callback.callback_id, texts.linked);
          return;
        }
        return;
      }
      case 'message_created': {
        const maxUser = update.message.sender?.user_id;
        const contact = update.message.body.attachments?.find((a) => a.type === 'contact');
        if (maxUser === undefined || !contact) return;
        const flowId = (await this.ctx.store.get(`maxuser:${maxUser}`))?.value;
        if (!flowId) return;
        const shared = contactPhone(contact.payload?.vcf_info);
        for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
          const loaded = await this.read(flowId);
          if (!this.livePending(loaded, maxUser) || !loaded.record.max!.awaitingContact) return;
          const record = loaded.record;
          if (!shared || shared !== record.max!.phone) {
            if (!(await this.endFlow(loaded, 'declined', 409, 'flow-declined'))) continue;
            this.ctx.log({ level: 'warn', event: 'max-phone-mismatch', flowId: record.id, method: 'max' });
            await this.say(maxUser, texts.phoneMismatch);
            return;
          }
          try {
            await this.settle(loaded, { method: 'max', phone: record.max!.phone, max: { userId: maxUser } });
          } catch (error) {
            if (error instanceof HttpFailure && error.kind === 'flow-expired') continue;
            this.ctx.log({ level: 'warn', event: 'max-link-failed', flowId: record.id, detail: describeError(error) });
            await this.say(maxUser, texts.stale);
            return;
          }
          await this.say(maxUser, texts.linked);
          return;
        }
        return;
      }
    }
  }

  async poll(user: string, flowId: string, address: string | undefined): Promise<FlowStateInput> {
    await this.limit('poll', { address }, 'rate-limited');
    let loaded = await this.load(user, flowId);
    loaded = await this.settleIfStale(loaded);
    const { record } = loaded;
    if (record.stage === 'ended') throw this.endedError(record);
    if (record.stage === 'max-pending') {
      if (this.now > record.expiresAt) {
        if (!(await this.endFlow(loaded, 'expired', 409, 'flow-expired'))) return this.poll(user, flowId, address);
        throw fail(409, 'expired');
      }
      // Each flow may poll at half its interval; faster is told to slow down, far faster gets a 429.
      const interval = this.ctx.options.max?.pollIntervalMs ?? MAX_DEFAULTS.pollIntervalMs;
      const { count, resetInMs } = await this.ctx.store.hit(`rl:pollgap:${flowId}`, Math.max(250, interval / 2));
      if (count > 8) throw fail(429, 'rate-limited', undefined, { retryAfter: Math.max(1, Math.ceil(resetInMs / 1000)) });
      return this.flowOf(record, count > 1);
    }
    return this.flowOf(record);
  }

  // ---- hosted VK ID -------------------------------------------------------------------------

  async external(user: string, flowId: string, params: ExternalResult, address: string | undefined): Promise<FlowStateInput> {
    await this.limit('code', { user, address }, 'too-many-attempts');
    let loaded = await this.load(user, flowId);
    loaded = await this.settleIfStale(loaded);
    const { record, version } = loaded;
    if (record.stage !== 'external' || !record.vkid) throw expiredFlow();
    if (this.now > record.expiresAt) {
      await this.endFlow(loaded, 'expired', 409, 'flow-expired');
      throw expiredFlow();
    }
    const vkid = record.vkid;
    // VK ID's refusal and a result for another login are both «declined»; the flow stays, so the
    // person may open VK ID again with the same step.
    if (params['error']) {
      this.ctx.log({ level: 'info', event: 'vkid-declined', flowId, method: 'vkid', detail: params['error'] === 'access_denied' ? 'access_denied' : 'error' });
      throw fail(409, 'declined', 'VK ID login was refused');
    }
    if (!timingSafeEqual(params['state'] ?? '', vkid.state)) {
      this.ctx.log({ level: 'warn', event: 'vkid-state-mismatch', flowId, method: 'vkid' });
      throw fail(409, 'declined', 'state mismatch');
    }
    const code = params['code'];
    const deviceId = params['device_id'];
    if (!code || !deviceId) throw fail(409, 'declined', 'VK ID returned no code or device_id');

    // Claim the one-time state: a second hand-over of the same result finds the flow moved on.
    const exchanging: FlowRecord = { ...record, stage: 'exchanging' };
    const claimed = await this.save(exchanging, version);
    if (claimed === undefined) throw expiredFlow();
    const current: Loaded = { record: exchanging, version: claimed };

    let identity: Identity;
    try {
      const tokens = await exchangeCode(this.ctx.fetch, this.ctx.options.vkid!, { code, verifier: vkid.verifier, deviceId, state: vkid.state }, this.ctx.timeoutMs);
      if (tokens.state !== undefined && !timingSafeEqual(tokens.state, vkid.state)) throw new VkidFailure('refused', 'state');
      const info = await fetchUserInfo(this.ctx.fetch, this.ctx.options.vkid!, tokens.access_token, this.ctx.timeoutMs);
      const userId = String(info.user_id ?? tokens.user_id);
      await this.ctx.options.vkid!.onTokens?.(user, {
        accessToken: tokens.access_token,
        ...(tokens.refresh_token === undefined ? {} : { refreshToken: tokens.refresh_token }),
        ...(tokens.id_token === undefined ? {} : { idToken: tokens.id_token }),
        ...(tokens.expires_in === undefined ? {} : { expiresIn: tokens.expires_in }),
        ...(tokens.scope === undefined ? {} : { scope: tokens.scope }),
        userId,
        deviceId,
      });
      const phone = info.phone ? checkPhone(info.phone) : undefined;
      if (!phone?.ok) {
        await this.endFlow(current, 'server', 502, 'vkid-no-phone');
        throw fail(502, 'server', 'VK ID gave no Russian mobile number: the app needs the `phone` scope');
      }
      const name = [info.first_name, info.last_name].filter(Boolean).join(' ');
      identity = {
        method: 'vkid',
        phone: phone.e164,
        ...(name ? { profileName: name } : {}),
        vkid: {
          userId,
          ...(info.first_name ? { firstName: info.first_name } : {}),
          ...(info.last_name ? { lastName: info.last_name } : {}),
          ...(info.avatar ? { avatarUrl: info.avatar } : {}),
        },
      };
    } catch (error) {
      if (error instanceof HttpFailure) throw error;
      if (error instanceof VkidFailure) {
        this.ctx.log({ level: 'warn', event: 'vkid-exchange-failed', flowId, method: 'vkid', detail: `${error.reason} ${error.code}` });
        // The code is spent either way: the flow ends, the widget starts over.
        if (error.reason === 'refused') {
          await this.endFlow(current, 'flow-expired', 404, 'flow-expired');
          throw expiredFlow();
        }
        await this.endFlow(current, 'server', 502, 'flow-failed');
        throw fail(502, 'server', 'VK ID is unavailable');
      }
      await this.endFlow(current, 'server', 500, 'flow-failed');
      throw error;
    }
    return this.afterIdentity(current, identity);
  }

  private async afterIdentity(loaded: Loaded, identity: Identity): Promise<FlowStateInput> {
    const { record } = loaded;
    if (await this.ctx.hooks.isPhoneLinkedElsewhere?.(identity.phone, record.user)) {
      await this.endFlow(loaded, 'phone-linked-elsewhere', 409, 'flow-refused');
      throw fail(409, 'phone-linked-elsewhere');
    }
    if (this.ctx.options.vkid?.consentStep) {
      const { vkid: _spent, ...rest } = record;
      const consent: FlowRecord = { ...rest, stage: 'consent', stepId: randomToken(), identity };
      if ((await this.save(consent, loaded.version)) === undefined) throw conflict();
      await this.dropIndexes(record);
      return this.flowOf(consent);
    }
    const done = await this.settle(loaded, identity);
    await this.dropIndexes(record);
    return this.flowOf(done);
  }

  // ---- recording the link -------------------------------------------------------------------

  /**
   * Claims the flow (stage `linking`), records the link through the journal's hook, and ends the
   * flow `done`. The claim is a compare-and-set, so two nodes never both record one flow; a claim
   * whose node died is taken over after `takeoverAfterMs` (hence `recordLink`'s idempotency key).
   */
  private async settle(loaded: Loaded, identity: Identity): Promise<FlowRecord> {
    const { vkid: _spent, ...rest } = loaded.record;
    const claimed: FlowRecord = { ...rest, stage: 'linking', identity, linkingSince: this.now };
    const version = await this.save(claimed, loaded.version);
    if (version === undefined) throw conflict();
    return this.finishLinking({ record: claimed, version });
  }

  private async finishLinking({ record, version }: Loaded): Promise<FlowRecord> {
    const started = this.now;
    let link: SferumLink | null;
    try {
      link = (await this.ctx.hooks.recordLink(record.user, { ...record.identity!, flowId: record.id })) || (await this.ctx.hooks.getLink(record.user));
      if (!link) throw new Error('recordLink kept nothing: getLink answered null');
    } catch (error) {
      if (error instanceof SferumError && error.kind !== 'server' && !error.isTransient) {
        const failure = HttpFailure.from(error);
        await this.endFlow({ record, version }, failure.kind, failure.status, 'flow-refused');
        throw failure;
      }
      // Let the next request of the flow try again at once.
      await this.save({ ...record, linkingSince: 0 }, version);
      this.ctx.log({ level: 'error', event: 'record-link-failed', flowId: record.id, detail: describeError(error) });
      throw fail(500, 'server', 'The link could not be recorded');
    }
    const status = await this.linkedStatus(record.user, link);
    const { identity: _kept, max: _max, linkingSince: _since, ...rest } = record;
    const done: FlowRecord = { ...rest, stage: 'done', stepId: randomToken(), status };
    // Losing this write means a node that took over the claim wrote the same outcome.
    await this.save(done, version);
    await this.dropIndexes(record);
    this.ctx.log({ level: 'info', event: 'flow-linked', flowId: record.id, method: record.method, ms: this.now - started });
    return done;
  }

  /** A flow left in `linking` by a node that died (or a failed hook) is finished by whoever reads it next. */
  private async settleIfStale(loaded: Loaded): Promise<Loaded> {
    const { record, version } = loaded;
    if (record.stage !== 'linking') return loaded;
    if (this.now - (record.linkingSince ?? 0) < (this.ctx.options.takeoverAfterMs ?? TAKEOVER_AFTER_MS)) {
      // MAX renders `linking` as still pending; a VK ID request waits a moment for the other one to finish.
      if (record.method === 'max') return loaded;
      for (let i = 0; i < 30; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const now = await this.read(record.id);
        if (!now) throw expiredFlow();
        if (now.record.stage !== 'linking') return now;
      }
      throw conflict();
    }
    const reclaimed: FlowRecord = { ...record, linkingSince: this.now };
    const next = await this.save(reclaimed, version);
    if (next === undefined) return (await this.read(record.id)) ?? loaded;
    this.ctx.log({ level: 'warn', event: 'flow-link-resumed', flowId: record.id, method: record.method });
    const done = await this.finishLinking({ record: reclaimed, version: next });
    return { record: done, version: next + 1 };
  }
}
