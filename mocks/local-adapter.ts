import type { SferumAdapter } from '../src/adapter/adapter.js';
import { SferumError, isErrorKind } from '../src/adapter/errors.js';
import type { MockBackend, MockResponse } from './backend.js';

/** A `SferumAdapter` that calls a `MockBackend` in the page directly (the mock VK ID page uses it). */
export function localAdapter(backend: MockBackend): SferumAdapter {
  const answer = (r: MockResponse): never | unknown => {
    if (r.status >= 200 && r.status < 300) return r.body;
    const e = (r.body as { error?: { kind?: string; retryAfter?: number; field?: string } } | undefined)?.error;
    const kind = e?.kind && isErrorKind(e.kind) ? e.kind : 'server';
    throw new SferumError(kind, kind, { status: r.status, ...(e?.retryAfter ? { retryAfter: e.retryAfter } : {}), ...(e?.field ? { field: e.field } : {}) });
  };
  const run = async (f: () => MockResponse) => answer(f()) as never;
  return {
    getLinkStatus: () => run(() => backend.getLinkStatus()),
    startLink: (input) => run(() => backend.startLink(input)),
    getFlow: (flowId) => run(() => backend.getFlow(flowId)),
    submitStep: (flowId, stepId, a) => run(() => backend.submitStep(flowId, stepId, a)),
    resendCode: (flowId, stepId) => run(() => backend.resendCode(flowId, stepId)),
    cancelFlow: async (flowId) => void backend.cancelFlow(flowId),
    completeExternal: (flowId, params) => run(() => backend.completeExternal(flowId, { params })),
    pollLink: (flowId) => run(() => backend.pollLink(flowId)),
    unlink: () => run(() => backend.unlink()),
    listChats: () => run(() => backend.listChats()),
    listConferences: () => run(() => backend.listConferences()),
    getLessonConference: (lessonId) => run(() => backend.lessonConference(lessonId)),
  };
}
