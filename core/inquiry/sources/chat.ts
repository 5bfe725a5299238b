import type { SourcePreset } from '../draft';

export const chatPresets: SourcePreset[] = [];
