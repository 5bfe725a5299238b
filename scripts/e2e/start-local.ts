// Entry point of `npm start` (bundled by scripts/start.sh): the local n8n lives in
// test/e2e/harness/localN8n.ts so the e2e tests exercise the same set-up path.
import { runLocalN8n } from '../../test/e2e/harness/localN8n';

runLocalN8n().catch((error: Error) => {
	process.stderr.write(`\nnpm start failed: ${error.message}\n`);
	process.exit(1);
});
