/**
 * MAX confirmation through the public MAX Bot API (dev.max.ru): `POST /messages?user_id=` with an
 * inline keyboard, `POST /answers?callback_id=`, and webhook updates (`bot_started`,
 * `message_callback`, `message_created`) delivered with the subscription's secret in
 * `X-Max-Bot-Api-Secret`. Plain `fetch`, so it runs wherever the handler runs.
 */
import * as z from 'zod/mini';
import { checkPhone } from '../phone/phone.js';
import type { MaxOptions } from './options.js';

export const MAX_DEFAULTS = Object.freeze({
  apiBaseUrl: 'https://platform-api2.max.ru',
  ttlMs: 10 * 60_000,
  pollIntervalMs: 3000,
});

/** What the bot writes. Russian, as in the seed; a journal may override any of them (`max.texts`). */
export interface MaxBotTexts {
  /** `{journal}` and `{phone}` (masked) are filled in. */
  confirm: string;
  connect: string;
  dontConnect: string;
  askContact: string;
  shareContact: string;
  linked: string;
  declined: string;
  phoneMismatch: string;
  stale: string;
}

export const MAX_TEXTS: MaxBotTexts = Object.freeze({
  confirm:
    'Сферум: журнал «{journal}» просит связать вашу учётную запись с учебным профилем Сферум по номеру {phone}. Если это вы, нажмите «Подключить».',
  connect: 'Подключить',
  dontConnect: 'Не подключать',
  askContact: 'Чтобы закончить, отправьте свой номер телефона: он должен совпасть с номером, указанным в журнале.',
  shareContact: 'Отправить номер телефона',
  linked: 'Готово: учебный профиль Сферум связан с учётной записью журнала. Вернитесь в журнал.',
  declined: 'Привязка отменена.',
  phoneMismatch: 'Номер в MAX не совпадает с номером, указанным в журнале. Привязка отменена.',
  stale: 'Этот запрос больше не действует. Начните привязку в журнале заново.',
});

export type MaxButton =
  | { type: 'callback'; text: string; payload: string }
  | { type: 'request_contact'; text: string };

/** The payload of our callback buttons: `sferum:<c|d>:<flowId>:<nonce>`. */
export function callbackPayload(decision: 'confirm' | 'decline', flowId: string, nonce: string): string {
  return `sferum:${decision === 'confirm' ? 'c' : 'd'}:${flowId}:${nonce}`;
}

export function parseCallbackPayload(payload: string | undefined): { decision: 'confirm' | 'decline'; flowId: string; nonce: string } | undefined {
  const m = /^sferum:([cd]):([\w-]{1,64}):([\w-]{1,64})$/.exec(payload ?? '');
  return m ? { decision: m[1] === 'c' ? 'confirm' : 'decline', flowId: m[2]!, nonce: m[3]! } : undefined;
}

export function deepLink(options: MaxOptions, payload: string): string {
  return `https://max.ru/${encodeURIComponent(options.botName)}?start=${encodeURIComponent(payload)}`;
}

export class MaxBot {
  private readonly base: string;

  constructor(
    private readonly options: MaxOptions,
    private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs: number,
  ) {
    this.base = (options.apiBaseUrl ?? MAX_DEFAULTS.apiBaseUrl).replace(/\/+$/, '');
  }

  get texts(): MaxBotTexts {
    return { ...MAX_TEXTS, ...this.options.texts };
  }

  /** `POST /messages?user_id=…` with an optional inline keyboard. */
  async send(userId: number, text: string, buttons?: MaxButton[][]): Promise<void> {
    const body: Record<string, unknown> = { text };
    if (buttons) body['attachments'] = [{ type: 'inline_keyboard', payload: { buttons } }];
    await this.call(`/messages?user_id=${userId}`, body);
  }

  /** `POST /answers?callback_id=…`: a short notification where the button was pressed. */
  async answer(callbackId: string, notification: string): Promise<void> {
    await this.call(`/answers?callback_id=${encodeURIComponent(callbackId)}`, { notification });
  }

  private async call(path: string, body: unknown): Promise<void> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.base}${path}`, {
        method: 'POST',
        headers: { Authorization: this.options.botToken, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new Error('MAX Bot API unreachable');
    }
    // Drain the body so keep-alive connections are reused.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`MAX Bot API answered ${response.status}`);
  }
}

const user = z.object({ user_id: z.number() });

/** The updates the bot acts on; anything else is acknowledged and ignored. */
export const maxUpdateSchema = z.discriminatedUnion('update_type', [
  z.object({ update_type: z.literal('bot_started'), chat_id: z.optional(z.number()), user, payload: z.nullish(z.string().check(z.maxLength(512))) }),
  z.object({
    update_type: z.literal('message_callback'),
    callback: z.object({ callback_id: z.string().check(z.minLength(1), z.maxLength(256)), payload: z.optional(z.string().check(z.maxLength(1024))), user }),
  }),
  z.object({
    update_type: z.literal('message_created'),
    message: z.object({
      sender: z.nullish(user),
      body: z.object({
        attachments: z.nullish(
          z.array(z.object({ type: z.string(), payload: z.optional(z.nullable(z.object({ vcf_info: z.nullish(z.string().check(z.maxLength(8192))) }))) })),
        ),
      }),
    }),
  }),
]);

export type MaxUpdate = z.output<typeof maxUpdateSchema>;

/** The phone of a shared MAX contact: the `TEL` line of its vCard, as E.164 when it is a Russian mobile number. */
export function contactPhone(vcf: string | null | undefined): string | undefined {
  if (!vcf) return undefined;
  for (const line of vcf.split(/\r?\n/)) {
    const m = /^(?:item\d+\.)?TEL[^:]*:(.+)$/i.exec(line.trim());
    if (!m) continue;
    const check = checkPhone(m[1]!.replace(/^tel:/i, ''));
    if (check.ok) return check.e164;
  }
  return undefined;
}
