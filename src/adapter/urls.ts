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

/** A policy compiled once: exact hosts in a set, wildcard suffixes, exact origins. */
interface CompiledPolicy {
  readonly hosts: ReadonlySet<string>;
  readonly suffixes: readonly string[];
  readonly origins: ReadonlySet<string>;
}

const compiled = new WeakMap<UrlPolicy, CompiledPolicy>();

function compile(policy: UrlPolicy): CompiledPolicy {
  let result = compiled.get(policy);
  if (result) return result;
  const hosts = new Set<string>();
  const suffixes: string[] = [];
  const origins = new Set<string>();
  for (const entry of policy.allowedHosts) {
    if (entry.includes('://')) {
      try {
        origins.add(new URL(entry).origin);
      } catch {
        // An entry that is not a URL allows nothing.
      }
    } else if (entry.startsWith('*.')) suffixes.push(entry.slice(1).toLowerCase());
    else hosts.add(entry.toLowerCase());
  }
  result = { hosts, suffixes, origins };
  compiled.set(policy, result);
  return result;
}

function hostAllowed(host: string, policy: CompiledPolicy): boolean {
  if (policy.hosts.has(host)) return true;
  for (const suffix of policy.suffixes) if (host.length > suffix.length && host.endsWith(suffix)) return true;
  return false;
}

/**
 * The shape almost every link in the data has: `https://`, a lower-case DNS name whose last label
 * starts with a letter (never an IP address in another notation), no user, no port, and a path of
 * plain characters without dot segments, no punycode label and no stray `%`. For such a string
 * the URL parser's `href` is the string itself, so it can be checked without parsing it (10,000
 * chat links: 24 ms → under 2 ms). Anything else goes through the parser; `test/schemas.test.ts`
 * checks that both give the same answers.
 */
const PLAIN_HTTPS = /^https:\/\/((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62})(\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*)(\?[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*)?$/;
/** What the parser would rewrite in a plain path: `.` / `..` segments, also spelled `%2e`. */
const DOT_SEGMENT = /\/\.{1,2}(?:\/|$)|%2[eE]/;
/** A `%` not followed by two hex digits. */
const STRAY_PERCENT = /%(?![0-9A-Fa-f]{2})/;

function isPlainHttps(raw: string): RegExpExecArray | null {
  const plain = PLAIN_HTTPS.exec(raw);
  if (!plain || raw.includes('xn--') || STRAY_PERCENT.test(raw) || DOT_SEGMENT.test(plain[2]!)) return null;
  return plain;
}

/** Returns the normalised URL when it is allowed, otherwise `null`. */
export function toSafeUrl(raw: unknown, policy: UrlPolicy = DEFAULT_URL_POLICY): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return null;
  const plain = isPlainHttps(raw);
  if (!plain) return parsedSafeUrl(raw, policy);
  const rules = compile(policy);
  // Shares the caller's string: 10,000 links cost no copies.
  return hostAllowed(plain[1]!, rules) || rules.origins.has(`https://${plain[1]!}`) ? raw : null;
}

/** The general case, through the URL parser. Exported for the test that compares both paths. */
export function parsedSafeUrl(raw: string, policy: UrlPolicy): string | null {
  const rules = compile(policy);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (rules.origins.has(url.origin)) {
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url.href;
    return null;
  }
  if (url.protocol !== 'https:') return null;
  return hostAllowed(url.hostname, rules) ? url.href : null;
}
