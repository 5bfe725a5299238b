/** Three layers, each runnable alone: `npm run test:unit`, `test:workflow`, `test:e2e`; and `sim`, the simulator's own tests. */
const tsJest = ['ts-jest', { diagnostics: false }];
const base = { testEnvironment: 'node', transform: { '^.+\\.ts$': tsJest } };

module.exports = {
	projects: [
		{
			...base,
			displayName: 'unit',
			testMatch: [
				'<rootDir>/core/**/*.test.ts',
				'<rootDir>/nodes/**/*.unit.test.ts',
				'<rootDir>/test/unit/**/*.test.ts',
				'<rootDir>/credentials/**/*.test.ts',
			],
		},
		{
			...base,
			// The simulator's own pieces (traffic generator, CRM, sender, report), not the product.
			displayName: 'sim',
			testMatch: ['<rootDir>/test/sim/*.test.ts'],
		},
		{
			...base,
			displayName: 'workflow',
			testMatch: [
				'<rootDir>/nodes/**/*.workflow.test.ts',
				'<rootDir>/workflows-templates/**/*.test.ts',
				'<rootDir>/test/workflow/**/*.test.ts',
				'<rootDir>/test/sim/workflow/*.test.ts',
			],
			setupFilesAfterEnv: ['<rootDir>/test/harness/setup.ts'],
			// The Form Trigger's sanitize-html pulls an ESM-only htmlparser2 that jest cannot require;
			// the CommonJS build of the same parser stands in (n8n itself loads the real one).
			moduleNameMapper: {
				'^htmlparser2$': '<rootDir>/node_modules/htmlparser2/dist/commonjs/index.js',
			},
		},
		{
			...base,
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
		},
	],
};
