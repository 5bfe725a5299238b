import type { SourcePreset } from '../draft';

export const bookingsPresets: SourcePreset[] = [];
