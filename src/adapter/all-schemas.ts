import { flowSchemas } from './flow-schemas.js';
import { listSchemas } from './list-schemas.js';
import { linkSchemas } from './schemas.js';
import { DEFAULT_URL_POLICY, type UrlPolicy } from './urls.js';

/** Every schema at once, bound to a URL policy (tests, tools, hosts that validate on their side). */
export function schemasFor(policy: UrlPolicy = DEFAULT_URL_POLICY) {
  return { ...linkSchemas(policy), ...flowSchemas(policy), ...listSchemas(policy) };
}

export type Schemas = ReturnType<typeof schemasFor>;
