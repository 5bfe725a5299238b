import { join } from 'path';

/** The project root; scripts/toolchain.sh exports it, which also covers this code run bundled (npm start). */
export const PROJECT_ROOT = process.env.PROJECT_ROOT ?? join(__dirname, '../../..');
/** Scratch space the e2e layer keeps between runs (gitignored): packed tarballs, bundled scripts. */
export const RUNS_DIR = join(PROJECT_ROOT, 'test/e2e/.runs');
export const TEMPLATES_DIR = join(PROJECT_ROOT, 'workflows-templates');
export const VENDOR_PAYLOADS_DIR = join(PROJECT_ROOT, 'test/fixtures/vendor-payloads');
export const PACKAGE_NAME = 'n8n-nodes-inquiry-continuity';
