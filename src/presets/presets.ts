import { bars } from './bars.js';
import { generic } from './generic.js';
import { mesh } from './mesh.js';
import { perm } from './perm.js';
import { registerPreset } from './registry.js';
import type { VendorPreset } from './types.js';

export { bars, generic, mesh, perm };
export { loadPreset, registerPreset, resolvePreset, type VendorId } from './registry.js';

/** All four presets at once (for hosts and tools that want them eagerly). */
export const presets: Readonly<Record<string, VendorPreset>> = { generic, bars, mesh, perm };

/** Registers every preset, so that `resolvePreset` finds each without loading. */
export function registerAllPresets(): void {
  for (const preset of Object.values(presets)) registerPreset(preset);
}
