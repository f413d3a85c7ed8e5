import type { SferumAdapter, ValidatedAdapter } from './adapter.js';
import { SferumError, isAbortError, toSferumError } from './errors.js';
import { linkSchemas } from './schemas.js';
import { DEFAULT_URL_POLICY, type UrlPolicy } from './urls.js';

/** A lazily loaded module, kept once it has arrived so that later callers need not wait. */
interface LazyModule<M> {
  loaded?: M;
  loading?: Promise<M>;
  readonly load: () => Promise<M>;
}

const flowModule: LazyModule<typeof import('./flow-schemas.js')> = { load: () => import('./flow-schemas.js') };
const listModule: LazyModule<typeof import('./list-schemas.js')> = { load: () => import('./list-schemas.js') };

function withModule<M, T>(lazy: LazyModule<M>, use: (module: M) => T): T | Promise<T> {
  if (lazy.loaded) return use(lazy.loaded);
  lazy.loading ??= lazy.load().then(
    (module) => (lazy.loaded = module),
    (error: unknown) => {
      lazy.loading = undefined;
      throw error;
    },
  );
  return lazy.loading.then(use);
}

/** Adapters already wrapped, so that wrapping twice does not validate twice. */
const validated = new WeakMap<object, { key: string; adapter: ValidatedAdapter }>();

/**
 * Marks a validated adapter of any copy of the package: `createHttpAdapter` of one copy handed to the
 * elements of another still keeps its `allowedHosts`. `@1` is the shape read: `raw`, `policy.allowedHosts`.
 * The mark points at the adapter itself, so a copy (`{ ...adapter, listChats }`) is not taken for it.
 */
const VALIDATED = Symbol.for('sferum/validated-adapter@1');

function validatedInner(adapter: SferumAdapter): ValidatedAdapter | undefined {
  return (adapter as unknown as Record<symbol, unknown>)[VALIDATED] === adapter ? (adapter as unknown as ValidatedAdapter) : undefined;
}

interface Parser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** Parses an adapter's answer; anything that does not fit becomes `invalid-response`. */
export function parseResponse<T>(schema: Parser<T>, data: unknown, what: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? issue.path.map(String).join('.') || '(root)' : '(root)';
  throw new SferumError('invalid-response', `${what}: ${where}: ${issue?.message ?? 'invalid'}`);
}

async function call<T>(signal: AbortSignal, run: () => Promise<unknown>, parse: (data: unknown) => T | Promise<T>): Promise<T> {
  let data: unknown;
  try {
    data = await run();
  } catch (error) {
    throw signal.aborted && !isAbortError(error) ? new SferumError('aborted', 'Aborted', { cause: error }) : toSferumError(error);
  }
  if (signal.aborted) throw new SferumError('aborted', 'Aborted');
  return parse(data);
}

/**
 * Wraps any adapter so that every answer is validated. Elements call this on whatever
 * adapter they are given; validating the output of `createHttpAdapter` again is cheap.
 */
export function validateAdapter(adapter: SferumAdapter, policy: UrlPolicy = DEFAULT_URL_POLICY): ValidatedAdapter {
  // An adapter validated already (from `createHttpAdapter`) keeps the hosts it was given:
  // the underlying adapter is validated once, with both lists.
  const inner = validatedInner(adapter);
  if (inner) {
    adapter = inner.raw;
    policy = { allowedHosts: [...new Set([...policy.allowedHosts, ...inner.policy.allowedHosts])] };
  }
  const key = policy.allowedHosts.join('\n');
  const known = validated.get(adapter);
  if (known && known.key === key) return known.adapter;
  const link = linkSchemas(policy);
  // Flow and list schemas load with the first answer that needs them: `<sferum-link>` showing a
  // status never downloads the 16-step union, and the lists never download the flows. Once a
  // module is here, answers are parsed at once (a repeated `import()` still costs a task).
  const flow = (what: string) => (d: unknown) => withModule(flowModule, (m) => parseResponse(m.flowSchemas(policy).flow, d, what));
  const list =
    <K extends 'conferenceList' | 'lessonConference'>(key: K, what: string) =>
    (d: unknown) =>
      withModule(listModule, (m) => parseResponse(m.listSchemas(policy)[key] as Parser<never>, d, what));
  const result: ValidatedAdapter = {
    raw: adapter,
    policy,
    getLinkStatus: (signal) => call(signal, () => adapter.getLinkStatus(signal), (d) => parseResponse(link.linkStatus, d, 'getLinkStatus')),
    startLink: (input, signal) => call(signal, () => adapter.startLink(input, signal), flow('startLink')),
    getFlow: (flowId, signal) => call(signal, () => adapter.getFlow(flowId, signal), flow('getFlow')),
    submitStep: (flowId, stepId, answer, signal) =>
      call(signal, () => adapter.submitStep(flowId, stepId, answer, signal), flow('submitStep')),
    resendCode: (flowId, stepId, signal) => call(signal, () => adapter.resendCode(flowId, stepId, signal), flow('resendCode')),
    cancelFlow: (flowId, signal) => call(signal, () => adapter.cancelFlow(flowId, signal), () => undefined),
    completeExternal: (flowId, result, signal) =>
      call(signal, () => adapter.completeExternal(flowId, result, signal), flow('completeExternal')),
    pollLink: (flowId, signal) => call(signal, () => adapter.pollLink(flowId, signal), flow('pollLink')),
    unlink: (signal) => call(signal, () => adapter.unlink(signal), (d) => parseResponse(link.linkStatus, d, 'unlink')),
    listChats: (signal) =>
      call(signal, () => adapter.listChats(signal), (d) =>
        withModule(listModule, (m) => m.adoptUnchangedChats(parseResponse(m.listSchemas(policy).chatList, d, 'listChats'), d)),
      ),
    listConferences: (period, signal) =>
      call(signal, () => adapter.listConferences(period, signal), list('conferenceList', 'listConferences')),
    getLessonConference: (lessonId, signal) =>
      call(signal, () => adapter.getLessonConference(lessonId, signal), list('lessonConference', 'getLessonConference')),
  };
  (result as unknown as Record<symbol, unknown>)[VALIDATED] = result;
  validated.set(adapter, { key, adapter: result });
  return result;
}
