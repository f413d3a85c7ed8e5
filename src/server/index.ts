// `sferum-widgets/server`: the reference backend of docs/http-contract.md. No DOM and no
// Node-only globals: a Fetch-API handler for Node ≥ 20, service workers and edge runtimes.
// The Redis store is a separate entry (`sferum-widgets/server/redis`), so this one never
// imports a Redis client.
export { createSferumHandler, type SferumHandler } from './handler.js';
export { toNodeListener, type NodeListener, type NodeRequestLike, type NodeResponseLike } from './node.js';
export { createMemoryStore, type FlowStore, type MemoryStoreOptions, type StoredRecord } from './store.js';
export { DEFAULT_LIMITS } from './flows.js';
export { MAX_DEFAULTS, MAX_TEXTS, type MaxBotTexts } from './max.js';
export { VKID_DEFAULTS } from './vkid.js';
export { scrub, type ServerLogEntry } from './log.js';
export type {
  Limit,
  Limits,
  MaxOptions,
  NewLink,
  RequestContext,
  SferumHooks,
  SferumLink,
  SferumServerOptions,
  VkidOptions,
  VkidTokens,
} from './options.js';
// Hooks refuse with the kit's own error class: `throw new SferumError('phone-linked-elsewhere')`.
export { SferumError, type SferumErrorKind } from '../adapter/errors.js';
