import type { SourcePreset } from '../draft';

export const adLeadsPresets: SourcePreset[] = [];
