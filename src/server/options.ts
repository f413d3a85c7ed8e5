import type { ConferencePeriod } from '../adapter/adapter.js';
import type { ChatListInput, ConferenceListInput, LessonConferenceInput, LinkMethod, Notice } from '../adapter/schemas.js';
import type { ServerLogEntry } from './log.js';
import type { MaxBotTexts } from './max.js';
import type { FlowStore } from './store.js';

/** A link as the journal keeps it (its database): what `<sferum-link>` shows on the linked card. */
export interface SferumLink {
  method: LinkMethod;
  /** E.164, a Russian mobile number (`+79521234567`). */
  phone: string;
  sferumUrl?: string | null;
  profileName?: string;
  /** Perm: the chats «Учительская», parents' and class chats were created automatically. */
  autoChats?: boolean;
}

/** What a finished flow established: handed to `recordLink`. */
export interface NewLink {
  method: LinkMethod;
  /** E.164: from VK ID's user info, or the number typed for MAX (checked against the MAX contact when `verifyPhone` is on). */
  phone: string;
  /** The flow that established it: an idempotency key (after a crash mid-record, `recordLink` may run again for the same flow). */
  flowId: string;
  profileName?: string;
  /** Hosted VK ID: the account from VK ID's user info. */
  vkid?: { userId: string; firstName?: string; lastName?: string; avatarUrl?: string };
  /** MAX: the MAX user who confirmed. */
  max?: { userId: number };
}

/** VK ID's tokens from the code exchange: handed to `vkid.onTokens` when the journal asks for them, otherwise dropped. */
export interface VkidTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  expiresIn?: number;
  scope?: string;
  userId: string;
  deviceId: string;
}

/**
 * What only the journal knows. Every hook gets the journal's own user id (from `getUserId`):
 * the MAX webhook settles flows without a browser session, so nothing else is carried.
 */
export interface SferumHooks {
  /** Who is asking: the journal's user id from the request (its session cookie), or `null` → 401. */
  getUserId(request: Request): string | null | Promise<string | null>;
  /** The user's current link, or `null`. */
  getLink(userId: string): Promise<SferumLink | null>;
  /**
   * Records a link a flow established; called once per linked flow. Throw
   * `new SferumError('phone-linked-elsewhere')` (or `another-account-on-phone`) to refuse it.
   * Return the stored link, or nothing to have `getLink` read it back.
   */
  recordLink(userId: string, link: NewLink): Promise<SferumLink | void>;
  /** Removes the link (after `unlinkPolicy` allowed it). */
  removeLink(userId: string): Promise<void>;
  /** Whether this user may unlink here (`self`); anything else answers `409 unlink-forbidden`. Default `self`. */
  unlinkPolicy?(userId: string): 'self' | 'support' | 'external' | Promise<'self' | 'support' | 'external'>;
  /** `true` when the phone is already linked to another journal account (→ `409 phone-linked-elsewhere` before MAX is asked). */
  isPhoneLinkedElsewhere?(phone: string, userId: string): Promise<boolean>;
  /** Notices for the link status (new school year, restored, security). */
  notices?(userId: string): Promise<Notice[]>;
  /** The user's chats, from the journal's own Sferum integration. Without it: an empty list. */
  listChats?(userId: string, signal: AbortSignal): Promise<ChatListInput>;
  /** The user's conferences in a period. Without it: none, on the server's clock. */
  listConferences?(userId: string, period: ConferencePeriod, signal: AbortSignal): Promise<ConferenceListInput>;
  /** The conference of one lesson of the journal's schedule. Without it: `404 not-found`. */
  getLessonConference?(userId: string, lessonId: string, signal: AbortSignal): Promise<LessonConferenceInput>;
}

/** Hosted VK ID (OAuth 2.1 authorization code with PKCE), per VK ID's published API. */
export interface VkidOptions {
  /** The VK ID application's id (`client_id`). */
  clientId: string;
  /**
   * The journal's callback page (`sferum-widgets/vkid-callback`), exactly as entered among the app's
   * trusted redirect URLs. Its origin becomes the `external` step's `expectedOrigin`.
   */
  redirectUri: string;
  /** Space-separated scopes. Default `vkid.personal_info phone` (the phone needs a verified business profile). */
  scope?: string;
  /** Default `https://id.vk.com/authorize`. */
  authorizeUrl?: string;
  /** The code exchange. Default `https://id.vk.com/oauth2/auth`. */
  tokenUrl?: string;
  /** Default `https://id.vk.com/oauth2/user_info`. */
  userInfoUrl?: string;
  /** Extra parameters of the authorize URL (`lang_id`, `scheme`, `prompt`). */
  authorizeParams?: Record<string, string>;
  /** MESH: ask «Добавление профиля «Сферум»» (a `consent` step) after VK ID and before recording the link. */
  consentStep?: boolean;
  /** How long a hosted login may take, ms. Default 15 minutes (VK ID's codes live 10). */
  ttlMs?: number;
  /** Receives the tokens right after the exchange; without it they are dropped there and then. */
  onTokens?(userId: string, tokens: VkidTokens): Promise<void>;
}

/** MAX confirmation through the public MAX Bot API (the default) — see docs/server.md for what is assumed. */
export interface MaxOptions {
  /** The bot's token (platform → «Чат-боты» → the bot → «Настройки»). Sent as `Authorization`. */
  botToken: string;
  /** The bot's name in links: `https://max.ru/<botName>?start=<payload>` (the pending step's `deepLink`). */
  botName: string;
  /** The `secret` given to `POST /subscriptions`; MAX sends it in `X-Max-Bot-Api-Secret` with every webhook call. */
  webhookSecret: string;
  /** Default `https://platform-api2.max.ru`. */
  apiBaseUrl?: string;
  /** How the journal is named in the bot's message (`«Электронная школа»`). */
  journalName?: string;
  /**
   * `contact` (default): after «Подключить» the bot asks the person to share their MAX contact and
   * links only when its number is the one typed in the journal. `off`: «Подключить» links at once.
   */
  verifyPhone?: 'contact' | 'off';
  /**
   * Finds the MAX user of a phone number, when the journal can (MAX and Sferum know it; the Bot API
   * does not say). Found: the bot writes to them at once. Not found: the person opens the deep link.
   */
  findUserByPhone?(phone: string): Promise<number | null>;
  /** How long the person has to answer in MAX, ms. Default 10 minutes. */
  ttlMs?: number;
  /** The poll interval the widget is given, ms. Default 3000. */
  pollIntervalMs?: number;
  /** What the bot writes (Russian by default; `{journal}` and `{phone}` are filled in). */
  texts?: Partial<MaxBotTexts>;
}

/** A rate limit: at most `max` in `windowMs`. */
export interface Limit {
  max: number;
  windowMs: number;
}

/** Limits per user and per client address. Every one answers `429` with `Retry-After`. */
export interface Limits {
  /** `POST /link/flows`. */
  start: { user: Limit; address: Limit };
  /** Phone numbers submitted (`max-phone`). */
  phone: { user: Limit; address: Limit };
  /** Hosted VK ID results handed over (each carries a code). */
  code: { user: Limit; address: Limit };
  /** `…/resend`. */
  resend: { user: Limit; address: Limit };
  /** Polls of a pending link, per client address (each flow is also held to half its interval). */
  poll: { address: Limit };
}

export interface SferumServerOptions {
  hooks: SferumHooks;
  /** Where the handler is mounted. Default `/api/sferum`. */
  basePath?: string;
  /**
   * The journal's origins (`https://school.example.ru`). State-changing requests must come from one of
   * them (`Origin`, or `Sec-Fetch-Site: same-origin`). Default: the origin of the request URL.
   */
  origins?: readonly string[];
  /** Flows and rate-limit counters. Default: in memory (one process). */
  store?: FlowStore;
  /**
   * When set (32+ characters, the same on every node), each flow record is sealed with AES-256-GCM
   * before it reaches the store: a copy of Redis then shows no phone, state or PKCE verifier.
   * Set it whenever the store is shared or persisted. Changing it abandons the flows in progress.
   */
  storeSecret?: string;
  vkid?: VkidOptions;
  max?: MaxOptions;
  /** Overrides of single limits. */
  limits?: Partial<{ [K in keyof Limits]: Partial<Limits[K]> }>;
  /** Largest request body accepted, bytes. Default 16 KiB. */
  maxBodyBytes?: number;
  /** Hosts or origins, beside the kit's list, allowed in URLs the server answers with (the URL policy of the widgets). */
  allowedHosts?: readonly string[];
  /** The client address when the runtime gives none (behind a proxy: read your trusted header here). */
  clientAddress?(request: Request, context: RequestContext): string | undefined;
  /** Structured log lines; they never carry a phone, code, token, state, verifier or password. Default: warnings and errors to the console. */
  log?(entry: ServerLogEntry): void;
  /** `fetch` for VK ID and MAX (tests, proxies). */
  fetch?: typeof fetch;
  /** The clock. */
  now?: () => number;
  /**
   * Which answers are checked against the kit's response schemas before they leave (a bad one → 502):
   * `journal` (default) — those carrying what the journal's hooks returned (link status, a finished
   * flow, chats, conferences, a lesson); `all` — the kit's own steps too (tests); `none`.
   */
  validateResponses?: 'journal' | 'all' | 'none';
  /** Timeout of each call to VK ID and MAX, ms. Default 10 000. */
  upstreamTimeoutMs?: number;
  /** How long a finished flow is kept, so that the last poll or a reload learns how it ended, ms. Default 2 minutes. */
  retainEndedMs?: number;
  /**
   * A node that claimed a flow to record its link and has not finished within this time is taken
   * to have died: the next request of the flow records it (`recordLink` runs again with the same
   * `flowId`). Default 15 s.
   */
  takeoverAfterMs?: number;
}

/** Per-request facts the runtime knows and `Request` does not carry. */
export interface RequestContext {
  /** The peer address (`toNodeListener` passes the socket's). */
  clientAddress?: string;
}
