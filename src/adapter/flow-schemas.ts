/**
 * The steps of the link flows: loaded with the wizard (and by the adapter guard when a flow
 * method answers), not by every element.
 */
import * as z from 'zod/mini';
import { CODE_ALTERNATIVES, CODE_CHANNELS, RECOVERY_METHODS, date, dateTime, nonEmpty, origin, requiredSafeUrl } from './field-schemas.js';
import { LINK_METHODS, id, linkSchemas, memoByPolicy, optionalSafeUrl, text } from './schemas.js';
import type { UrlPolicy } from './urls.js';

export const flowSchemas = memoByPolicy((policy: UrlPolicy) => {
  const { linkStatus } = linkSchemas(policy);
  const account = z.object({
    name: nonEmpty(),
    avatarUrl: optionalSafeUrl(policy),
    phoneMasked: z.optional(text()),
  });

  const base = { id: id(), canGoBack: z._default(z.boolean(), false) };

  const step = z.discriminatedUnion('kind', [
    z.object({ ...base, kind: z.literal('login'), value: z.optional(text()) }),
    z.object({ ...base, kind: z.literal('known-account'), account, hasProfile: z.boolean() }),
    z.object({ ...base, kind: z.literal('password'), phoneDisplay: text() }),
    z.object({
      ...base,
      kind: z.literal('code'),
      purpose: z._default(z.enum(['login', 'recovery']), 'login'),
      channel: z.enum(CODE_CHANNELS),
      length: z.int().check(z.gte(4), z.lte(8)),
      destination: z.optional(text()),
      resendAfter: z.nullish(z.int().check(z.gte(0), z.lte(3600))),
      alternatives: z._default(z.array(z.enum(CODE_ALTERNATIVES)), []),
    }),
    z.object({
      ...base,
      kind: z.literal('choose-profile'),
      profiles: z
        .array(z.object({ id: id(), name: nonEmpty(), description: z.optional(text()), avatarUrl: optionalSafeUrl(policy) }))
        .check(z.minLength(1), z.maxLength(50)),
    }),
    z.object({ ...base, kind: z.literal('create-profile'), phoneMasked: text(), name: z.optional(text()) }),
    z.object({
      ...base,
      kind: z.literal('about-you'),
      prefill: z._default(
        z.object({
          lastName: z.optional(text()),
          firstName: z.optional(text()),
          middleName: z.optional(text()),
          birthDate: z.optional(date()),
          gender: z.optional(z.enum(['male', 'female'])),
        }),
        {},
      ),
    }),
    z.object({ ...base, kind: z.literal('consent') }),
    z.object({
      ...base,
      kind: z.literal('external'),
      url: requiredSafeUrl(policy),
      expectedOrigin: origin(),
      state: z.string().check(z.minLength(16), z.maxLength(256)),
    }),
    z.object({ ...base, kind: z.literal('recovery-phone'), value: z.optional(text()) }),
    z.object({ ...base, kind: z.literal('recovery-account'), account }),
    z.object({
      ...base,
      kind: z.literal('recovery-method'),
      methods: z.array(z.object({ method: z.enum(RECOVERY_METHODS), hint: z.optional(text()) })).check(z.minLength(1)),
    }),
    z.object({ ...base, kind: z.literal('new-password'), minLength: z._default(z.int().check(z.gte(6), z.lte(64)), 8) }),
    z.object({ ...base, kind: z.literal('max-phone'), value: z.optional(text()) }),
    z.object({
      ...base,
      kind: z.literal('max-pending'),
      pollIntervalMs: z.int().check(z.gte(1000), z.lte(600_000)),
      slowDown: z._default(z.boolean(), false),
      expiresAt: z.optional(dateTime()),
      /** A link that opens the MAX bot (`https://max.ru/<bot>?start=<payload>`); unsafe → `null`, not shown. */
      deepLink: optionalSafeUrl(policy),
    }),
    z.object({ ...base, kind: z.literal('done'), status: linkStatus }),
  ]);

  const flow = z.object({ flowId: id(), method: z.enum(LINK_METHODS), step });

  return { step, flow };
});

type FlowSchemas = ReturnType<typeof flowSchemas>;
export type Step = z.output<FlowSchemas['step']>;
export type StepInput = z.input<FlowSchemas['step']>;
export type StepKind = Step['kind'];
export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;
export type FlowState = z.output<FlowSchemas['flow']>;
export type FlowStateInput = z.input<FlowSchemas['flow']>;
