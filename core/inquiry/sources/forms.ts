import type { SourcePreset } from '../draft';

export const formsPresets: SourcePreset[] = [];
