import { readStartFlags } from '../e2e/harness/localN8n';

describe('npm start flags', () => {
	test('defaults to port 5678 and keeping the user’s workflows', () => {
		expect(readStartFlags([], {})).toEqual({ reset: false, port: 5678 });
	});

	test('--reset, --port N, --port=N and N8N_PORT', () => {
		expect(readStartFlags(['--reset', '--port', '5680'], {})).toEqual({ reset: true, port: 5680 });
		expect(readStartFlags(['--port=5690'], { N8N_PORT: '5681' })).toEqual({
			reset: false,
			port: 5690,
		});
		expect(readStartFlags([], { N8N_PORT: '5681' })).toEqual({ reset: false, port: 5681 });
	});

	test('an unknown option or a bad port is refused with what to use', () => {
		expect(() => readStartFlags(['--rest'], {})).toThrow(
			'Unknown option --rest. Use --reset (reload every template over your edits) or --port <number>.',
		);
		expect(() => readStartFlags(['--port', 'http'], {})).toThrow(
			'--port needs a port number, got "http"',
		);
	});
});
