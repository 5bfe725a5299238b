import type { SourcePreset } from '../draft';

export const emailPresets: SourcePreset[] = [];
