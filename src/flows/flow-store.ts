import type { LinkMethod } from '../adapter/schemas.js';

/**
 * What survives a reload of the page during a link flow: the flow id and its method, nothing
 * else (never a password, code, token or phone), in `sessionStorage`, per element, with an expiry.
 */
export interface StoredFlow {
  flowId: string;
  method: LinkMethod;
}

const PREFIX = 'sferum-widgets:flow:';
const TTL_MS = 30 * 60_000;

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Storage can be blocked (sandboxed iframes, privacy settings): the flow simply does not resume.
    return undefined;
  }
}

export function saveFlow(key: string, flow: StoredFlow, now = Date.now()): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify({ flowId: flow.flowId, method: flow.method, expires: now + TTL_MS }));
  } catch {
    // quota or blocked storage: nothing to do
  }
}

export function loadFlow(key: string, now = Date.now()): StoredFlow | undefined {
  const store = storage();
  let raw: string | null = null;
  try {
    raw = store?.getItem(PREFIX + key) ?? null;
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as { flowId?: unknown; method?: unknown; expires?: unknown };
    if (
      typeof value.flowId === 'string' &&
      value.flowId.length > 0 &&
      value.flowId.length <= 200 &&
      (value.method === 'vkid' || value.method === 'max') &&
      typeof value.expires === 'number' &&
      value.expires > now
    ) {
      return { flowId: value.flowId, method: value.method };
    }
  } catch {
    // fall through: a broken entry is removed
  }
  clearFlow(key);
  return undefined;
}

export function clearFlow(key: string): void {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    // ignore
  }
}
