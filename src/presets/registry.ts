import { generic } from './generic.js';
import type { PresetOverrides, VendorPreset } from './types.js';

/**
 * Presets load per vendor: a journal's page downloads its own preset only. `generic` is built in
 * and stands in until the vendor's preset has arrived (elements wait for it before content).
 */
const loaders: Record<string, () => Promise<VendorPreset>> = {
  bars: () => import('./bars.js').then((m) => m.bars),
  mesh: () => import('./mesh.js').then((m) => m.mesh),
  perm: () => import('./perm.js').then((m) => m.perm),
};
const loaded = new Map<string, VendorPreset>([['generic', generic]]);
const loading = new Map<string, Promise<void>>();

export type VendorId = 'generic' | 'bars' | 'mesh' | 'perm';

/** Makes a preset available to `resolvePreset` (also for a host's own preset). */
export function registerPreset(preset: VendorPreset): void {
  loaded.set(preset.id, preset);
}

export function isPresetLoaded(vendor: string | undefined): boolean {
  return !vendor || loaded.has(vendor) || !(vendor in loaders);
}

export function loadPreset(vendor: string | undefined): Promise<void> {
  if (isPresetLoaded(vendor)) return Promise.resolve();
  const id = vendor!;
  let pending = loading.get(id);
  if (!pending) {
    pending = loaders[id]!().then(
      (preset) => registerPreset(preset),
      (error: unknown) => {
        loading.delete(id);
        throw error;
      },
    );
    loading.set(id, pending);
  }
  return pending;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge<T>(base: T, patch: unknown): T {
  if (!isPlainObject(patch) || !isPlainObject(base)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = merge(out[key], value);
  }
  return out as T;
}

/** A preset by id (unknown or not yet loaded: `generic`) with any single key overridden. */
export function resolvePreset(vendor: string | undefined, overrides?: PresetOverrides): VendorPreset {
  const base = (vendor && loaded.get(vendor)) || generic;
  return overrides ? merge(base, overrides) : base;
}
