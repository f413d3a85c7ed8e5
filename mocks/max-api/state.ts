/**
 * A stateful imitation of the MAX platform, for the bot's side of the MAX Bot API (dev.max.ru):
 * the messages a bot sends, callback answers, webhook subscriptions, and the people who press
 * the buttons. `handlers.ts` maps the HTTP API onto it; the methods below the line play the
 * person in MAX and deliver webhook updates exactly as MAX would (with `X-Max-Bot-Api-Secret`).
 */

export interface MockMaxUser {
  userId: number;
  firstName: string;
  lastName?: string;
  /** E.164 without `+`, as a MAX contact's vCard carries it. */
  phone: string;
  /** Has opened a dialog with the bot (only then may the bot write first). */
  started: boolean;
}

export interface MockMaxButton {
  type: string;
  text: string;
  payload?: string;
}

export interface MockMaxMessage {
  mid: string;
  userId: number;
  text: string;
  buttons: MockMaxButton[][];
  timestamp: number;
}

/**
 * How the person in MAX behaves when the bot writes: press «Подключить» and share the contact,
 * press «Не подключать», let the request expire, or wait for a test (or the demo page) to act.
 */
export type MaxPersona = 'confirm' | 'decline' | 'ignore' | 'manual' | 'wrong-contact';

export interface MockMaxOptions {
  botToken?: string;
  botName?: string;
  /** Where updates go (set by `POST /subscriptions` too). */
  webhook?: { url: string; secret: string };
  /** How an update reaches the webhook: `fetch` by default; tests hand in the handler itself. */
  deliver?: (request: Request) => Promise<Response>;
  persona?: MaxPersona;
  /** Delay before the persona acts, ms. */
  reactionMs?: number;
  /** A persona per person (load tests: a crowd that answers differently). */
  personaOf?: (userId: number) => MaxPersona;
  /** A reaction delay per person and message. */
  reactionMsOf?: (userId: number, message: MockMaxMessage) => number;
}

export const MOCK_MAX_BOT = Object.freeze({ token: 'mock-max-bot-token', name: 'sferum_mock_bot', userId: 900_000 });

/** The people of the mock: Семён (has started the bot) and Анна (never has). */
export const MOCK_MAX_PEOPLE: readonly MockMaxUser[] = Object.freeze([
  { userId: 5_001, firstName: 'Семён', lastName: 'Власенков', phone: '79521234567', started: true },
  { userId: 5_002, firstName: 'Анна', lastName: 'Смирнова', phone: '79527654321', started: false },
]);

export class MockMax {
  readonly botToken: string;
  readonly botName: string;
  readonly users = new Map<number, MockMaxUser>();
  readonly messages: MockMaxMessage[] = [];
  readonly answers: { callbackId: string; notification?: string }[] = [];
  /** Every update delivered, with the webhook's HTTP status. */
  readonly deliveries: { type: string; status: number }[] = [];
  webhook: { url: string; secret: string } | undefined;
  persona: MaxPersona;
  reactionMs: number;
  private readonly personaOf: ((userId: number) => MaxPersona) | undefined;
  private readonly reactionMsOf: ((userId: number, message: MockMaxMessage) => number) | undefined;
  private readonly deliver: (request: Request) => Promise<Response>;
  private readonly callbacks = new Map<string, { userId: number; payload: string }>();
  private seq = 0;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(options: MockMaxOptions = {}) {
    this.botToken = options.botToken ?? MOCK_MAX_BOT.token;
    this.botName = options.botName ?? MOCK_MAX_BOT.name;
    this.webhook = options.webhook;
    this.deliver = options.deliver ?? ((request) => fetch(request));
    this.persona = options.persona ?? 'manual';
    this.reactionMs = options.reactionMs ?? 0;
    this.personaOf = options.personaOf;
    this.reactionMsOf = options.reactionMsOf;
    for (const person of MOCK_MAX_PEOPLE) this.users.set(person.userId, { ...person });
  }

  /** The MAX user of a phone (E.164 with or without `+`), as Sferum's directory would know it. */
  findByPhone(phone: string): MockMaxUser | undefined {
    const digits = phone.replace(/\D/g, '');
    return [...this.users.values()].find((u) => u.phone === digits);
  }

  addUser(user: MockMaxUser): MockMaxUser {
    this.users.set(user.userId, { ...user });
    return this.users.get(user.userId)!;
  }

  // ---- the Bot API side (called by handlers.ts) ---------------------------------------------

  /** `POST /messages?user_id=`: the bot writes; only to someone who has started it. */
  sendMessage(userId: number, body: { text?: string | null; attachments?: unknown[] | null }): { status: number; body: unknown } {
    const user = this.users.get(userId);
    if (!user) return { status: 404, body: { code: 'not.found', message: 'User not found' } };
    if (!user.started) return { status: 403, body: { code: 'chat.denied', message: 'The user has not started the bot' } };
    const keyboard = (body.attachments ?? []).find((a): a is { type: string; payload: { buttons: MockMaxButton[][] } } => (a as { type?: string }).type === 'inline_keyboard');
    const message: MockMaxMessage = {
      mid: `mid.${++this.seq}`,
      userId,
      text: body.text ?? '',
      buttons: keyboard?.payload.buttons ?? [],
      timestamp: Date.now(),
    };
    this.messages.push(message);
    this.react(message);
    return {
      status: 200,
      body: {
        message: {
          sender: { user_id: MOCK_MAX_BOT.userId, first_name: 'Сферум', name: 'Сферум', username: this.botName, is_bot: true, last_activity_time: Date.now() },
          recipient: { chat_id: userId + 1_000_000, chat_type: 'dialog', user_id: userId },
          timestamp: message.timestamp,
          body: { mid: message.mid, seq: this.seq, text: message.text, attachments: body.attachments ?? null },
        },
      },
    };
  }

  /** `POST /answers?callback_id=`. */
  answerCallback(callbackId: string, body: { notification?: string | null }): { status: number; body: unknown } {
    if (!this.callbacks.has(callbackId)) return { status: 400, body: { code: 'callback.not.found', message: 'Unknown callback_id' } };
    this.callbacks.delete(callbackId);
    this.answers.push({ callbackId, ...(body.notification ? { notification: body.notification } : {}) });
    return { status: 200, body: { success: true } };
  }

  subscribe(url: string, secret: string): void {
    this.webhook = { url, secret };
  }

  // ---- the person in MAX ----------------------------------------------------------------------

  /** Opens `https://max.ru/<bot>?start=<payload>`: MAX starts the dialog and sends `bot_started` with the payload. */
  async openDeepLink(userId: number, link: string): Promise<number> {
    const url = new URL(link);
    if (url.hostname !== 'max.ru' || url.pathname !== `/${this.botName}`) throw new Error(`not a link to @${this.botName}: ${url.origin}${url.pathname}`);
    const user = this.users.get(userId)!;
    user.started = true;
    return this.send({
      update_type: 'bot_started',
      timestamp: Date.now(),
      chat_id: userId + 1_000_000,
      user: this.userObject(user),
      payload: url.searchParams.get('start'),
      user_locale: 'ru',
    });
  }

  /** The last message the bot wrote to this person. */
  lastMessage(userId: number): MockMaxMessage | undefined {
    return this.messages.filter((m) => m.userId === userId).at(-1);
  }

  /** Presses a button of the bot's last message by its text («Подключить», «Не подключать», …). */
  async press(userId: number, text: string): Promise<number> {
    const message = [...this.messages].reverse().find((m) => m.userId === userId && m.buttons.flat().some((b) => b.text === text));
    const button = message?.buttons.flat().find((b) => b.text === text);
    if (!message || !button) throw new Error(`no button «${text}» for user ${userId}`);
    if (button.type === 'request_contact') return this.shareContact(userId);
    const callbackId = `cb.${++this.seq}`;
    this.callbacks.set(callbackId, { userId, payload: button.payload ?? '' });
    return this.send({
      update_type: 'message_callback',
      timestamp: Date.now(),
      callback: { timestamp: Date.now(), callback_id: callbackId, payload: button.payload, user: this.userObject(this.users.get(userId)!) },
      message: { recipient: { chat_id: userId + 1_000_000, chat_type: 'dialog' }, timestamp: message.timestamp, body: { mid: message.mid, seq: 1, text: message.text, attachments: null } },
      user_locale: 'ru',
    });
  }

  /** Shares the person's contact (the `request_contact` button): a message with a vCard. */
  async shareContact(userId: number, phone = this.users.get(userId)!.phone): Promise<number> {
    const user = this.users.get(userId)!;
    const vcf = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${user.firstName} ${user.lastName ?? ''}`.trim(), `TEL;TYPE=cell:${phone}`, 'END:VCARD'].join('\r\n');
    return this.send({
      update_type: 'message_created',
      timestamp: Date.now(),
      message: {
        sender: this.userObject(user),
        recipient: { chat_id: userId + 1_000_000, chat_type: 'dialog' },
        timestamp: Date.now(),
        body: { mid: `mid.${++this.seq}`, seq: this.seq, text: null, attachments: [{ type: 'contact', payload: { vcf_info: vcf, max_info: this.userObject(user) } }] },
      },
      user_locale: 'ru',
    });
  }

  /** Waits until every reaction of the persona has been delivered. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private userObject(user: MockMaxUser) {
    return { user_id: user.userId, first_name: user.firstName, last_name: user.lastName ?? null, name: user.firstName, username: null, is_bot: false, last_activity_time: Date.now() };
  }

  private async send(update: Record<string, unknown>): Promise<number> {
    if (!this.webhook) throw new Error('no webhook subscription');
    const response = await this.deliver(
      new Request(this.webhook.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Max-Bot-Api-Secret': this.webhook.secret },
        body: JSON.stringify(update),
      }),
    );
    await response.arrayBuffer().catch(() => undefined);
    this.deliveries.push({ type: String(update['update_type']), status: response.status });
    return response.status;
  }

  /** The persona answers a message that asks for something. */
  private react(message: MockMaxMessage): void {
    const persona = this.personaOf?.(message.userId) ?? this.persona;
    if (persona === 'manual' || persona === 'ignore') return;
    const buttons = message.buttons.flat();
    const delay = this.reactionMsOf?.(message.userId, message) ?? this.reactionMs;
    const act = async () => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (buttons.some((b) => b.type === 'request_contact')) {
        await this.shareContact(message.userId, persona === 'wrong-contact' ? '79990000000' : undefined);
      } else if (buttons.some((b) => b.type === 'callback')) {
        const wanted = persona === 'decline' ? buttons.find((b) => b.payload?.startsWith('sferum:d:')) : buttons.find((b) => b.payload?.startsWith('sferum:c:'));
        if (wanted) await this.press(message.userId, wanted.text);
      }
    };
    const job = act().catch(() => undefined);
    this.pending.add(job);
    void job.finally(() => this.pending.delete(job));
  }
}
