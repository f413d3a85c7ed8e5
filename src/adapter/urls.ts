/**
 * Only URLs that pass this policy ever become links or popups.
 * `zod`'s own `url()` accepts `javascript:` and friends, so the check is ours.
 */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = Object.freeze([
  'sferum.ru',
  '*.sferum.ru',
  'vk.com',
  '*.vk.com',
  'vk.ru',
  '*.vk.ru',
  'max.ru',
  '*.max.ru',
]);

export interface UrlPolicy {
  /**
   * Host names (`sferum.ru`), wildcard subdomains (`*.sferum.ru`), or exact origins
   * (`https://journal.example:8443`). A plain `http:` origin is honoured only on a
   * loopback host, for the mock VK ID page of the demo and the tests.
   */
  readonly allowedHosts: readonly string[];
}

export const DEFAULT_URL_POLICY: UrlPolicy = Object.freeze({ allowedHosts: DEFAULT_ALLOWED_HOSTS });

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Extends the default list with the host page's own entries. */
export function urlPolicy(extraHosts: readonly string[] = []): UrlPolicy {
  return { allowedHosts: [...DEFAULT_ALLOWED_HOSTS, ...extraHosts] };
}

/** Returns the normalised URL when it is allowed, otherwise `null`. */
export function toSafeUrl(raw: unknown, policy: UrlPolicy = DEFAULT_URL_POLICY): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  for (const entry of policy.allowedHosts) {
    if (matches(url, entry)) return url.href;
  }
  return null;
}

function matches(url: URL, entry: string): boolean {
  if (entry.includes('://')) {
    let allowed: URL;
    try {
      allowed = new URL(entry);
    } catch {
      return false;
    }
    if (allowed.origin !== url.origin) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  }
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  const rule = entry.toLowerCase();
  if (rule.startsWith('*.')) return host.endsWith(rule.slice(1)) && host.length > rule.length - 1;
  return host === rule;
}
