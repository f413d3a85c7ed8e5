import type {
  ChatList,
  ChatListInput,
  ConferenceList,
  ConferenceListInput,
  FlowState,
  FlowStateInput,
  LessonConference,
  LessonConferenceInput,
  LinkMethod,
  LinkStatus,
  LinkStatusInput,
} from './schemas.js';
import type { UrlPolicy } from './urls.js';

/** What the user did on a step. `values` holds the fields of the step's form. */
export type StepAction =
  | 'continue'
  | 'back'
  | 'another-account'
  | 'create-profile'
  | 'forgot-password'
  | 'other-method'
  | 'use-password'
  | 'change-phone'
  | 'no-email-access'
  | 'choose'
  | 'cancel';

export interface StepAnswer {
  action: StepAction;
  values?: Readonly<Record<string, string | boolean>>;
}

export interface StartLinkInput {
  method: LinkMethod;
  /** Where the hosted VK ID page should return (the page's own URL, for the redirect fallback). */
  returnUrl?: string;
}

/** Parameters that the hosted VK ID page handed back (for example `code`, `state`, `device_id`). */
export type ExternalResult = Readonly<Record<string, string>>;

export interface ConferencePeriod {
  /** ISO 8601 date-time, inclusive. */
  from: string;
  /** ISO 8601 date-time, exclusive. */
  to: string;
}

/**
 * The contract a journal implements (or gets from `createHttpAdapter`). Elements never
 * reach VK ID, MAX or Sferum themselves; they call these methods, and every value returned
 * is validated with zod before it is rendered. Every method honours its `AbortSignal`.
 *
 * Methods reject with a `SferumError` (or anything else, which is wrapped as one).
 */
export interface SferumAdapter {
  /** The journal account's current link to Sferum. */
  getLinkStatus(signal: AbortSignal): Promise<LinkStatusInput>;
  /** Starts a VK ID or MAX link flow and returns its first step. */
  startLink(input: StartLinkInput, signal: AbortSignal): Promise<FlowStateInput>;
  /** The current step of a flow, to resume after a reload. */
  getFlow(flowId: string, signal: AbortSignal): Promise<FlowStateInput>;
  /** Answers the current step (submit its values or choose one of its actions). */
  submitStep(flowId: string, stepId: string, answer: StepAnswer, signal: AbortSignal): Promise<FlowStateInput>;
  /** Sends the code of a code step again. */
  resendCode(flowId: string, stepId: string, signal: AbortSignal): Promise<FlowStateInput>;
  /** Abandons a flow. */
  cancelFlow(flowId: string, signal: AbortSignal): Promise<void>;
  /** Hands over what the hosted VK ID page returned; the backend does PKCE and the code exchange. */
  completeExternal(flowId: string, result: ExternalResult, signal: AbortSignal): Promise<FlowStateInput>;
  /** Checks a pending (MAX) link. Rejects with `declined` or `expired` when it ended that way. */
  pollLink(flowId: string, signal: AbortSignal): Promise<FlowStateInput>;
  /** Removes the link; resolves with the new status. */
  unlink(signal: AbortSignal): Promise<LinkStatusInput>;
  listChats(signal: AbortSignal): Promise<ChatListInput>;
  listConferences(period: ConferencePeriod, signal: AbortSignal): Promise<ConferenceListInput>;
  /** The conference of one lesson of the journal's own schedule. */
  getLessonConference(lessonId: string, signal: AbortSignal): Promise<LessonConferenceInput>;
}

/** The same contract after validation: what elements see. */
export interface ValidatedAdapter {
  /** The adapter whose answers are validated. */
  readonly raw: SferumAdapter;
  /** The URL policy the answers are validated with. */
  readonly policy: UrlPolicy;
  getLinkStatus(signal: AbortSignal): Promise<LinkStatus>;
  startLink(input: StartLinkInput, signal: AbortSignal): Promise<FlowState>;
  getFlow(flowId: string, signal: AbortSignal): Promise<FlowState>;
  submitStep(flowId: string, stepId: string, answer: StepAnswer, signal: AbortSignal): Promise<FlowState>;
  resendCode(flowId: string, stepId: string, signal: AbortSignal): Promise<FlowState>;
  cancelFlow(flowId: string, signal: AbortSignal): Promise<void>;
  completeExternal(flowId: string, result: ExternalResult, signal: AbortSignal): Promise<FlowState>;
  pollLink(flowId: string, signal: AbortSignal): Promise<FlowState>;
  unlink(signal: AbortSignal): Promise<LinkStatus>;
  listChats(signal: AbortSignal): Promise<ChatList>;
  listConferences(period: ConferencePeriod, signal: AbortSignal): Promise<ConferenceList>;
  getLessonConference(lessonId: string, signal: AbortSignal): Promise<LessonConference>;
}
