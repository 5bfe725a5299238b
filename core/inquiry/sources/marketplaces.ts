import type { SourcePreset } from '../draft';

export const marketplacesPresets: SourcePreset[] = [];
