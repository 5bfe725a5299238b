import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { Expression, Workflow } from 'n8n-workflow';
import { HandoffDestinationApi } from './HandoffDestinationApi.credentials';

const credential = new HandoffDestinationApi();
const request: IHttpRequestOptions = {
	method: 'GET',
	url: 'https://crm.example.com/contacts/7',
	headers: { Accept: 'application/json' },
	qs: { archived: 'false' },
};
const sign = async (values: ICredentialDataDecryptedObject) =>
	await credential.authenticate({ baseUrl: 'https://crm.example.com', ...values }, request);

describe('Handoff Destination API: authenticate', () => {
	it('sends a bearer token in Authorization, keeping the request’s own headers', async () => {
		expect(await sign({ authentication: 'bearer', token: 'pat-123' })).toEqual({
			...request,
			headers: { Accept: 'application/json', Authorization: 'Bearer pat-123' },
		});
	});

	it('sends a key in the header the user named, or X-API-Key when the name is left empty', async () => {
		expect(
			(await sign({ authentication: 'header', headerName: 'X-Token', headerSecret: 's3cret' }))
				.headers,
		).toEqual({
			Accept: 'application/json',
			'X-Token': 's3cret',
		});
		expect(
			(await sign({ authentication: 'header', headerName: '', headerSecret: 's3cret' })).headers,
		).toEqual({
			Accept: 'application/json',
			'X-API-Key': 's3cret',
		});
	});

	it('signs in with a user and password (basic auth), headers untouched', async () => {
		const signed = await sign({ authentication: 'basic', user: 'ops', password: 'pw' });
		expect(signed.auth).toEqual({ username: 'ops', password: 'pw' });
		expect(signed.headers).toEqual(request.headers);
	});

	it('adds a query key to the request’s own query, api_key by default', async () => {
		expect(
			(await sign({ authentication: 'queryKey', queryName: 'hapikey', querySecret: 'k' })).qs,
		).toEqual({ archived: 'false', hapikey: 'k' });
		expect((await sign({ authentication: 'queryKey', querySecret: 'k' })).qs).toEqual({
			archived: 'false',
			api_key: 'k',
		});
	});

	it('leaves the request alone with None, and never mutates the request it was given', async () => {
		expect(await sign({ authentication: 'none', token: 'unused' })).toEqual(request);
		await sign({ authentication: 'bearer', token: 'x' });
		expect(request.headers).toEqual({ Accept: 'application/json' });
	});
});

describe('Handoff Destination API: credential test request', () => {
	const node: INode = {
		id: 'n',
		name: 'Credential test',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const noOp = {
		description: { name: 'noOp', properties: [], inputs: ['main'], outputs: ['main'] },
	};
	const nodeTypes = {
		getByName: () => noOp,
		getByNameAndVersion: () => noOp,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypes as never,
	});

	beforeAll(() => Expression.setExpressionEngine('legacy'));

	/** The test request's URL parts as n8n resolves them, with these credential values as $credentials. */
	function resolved(values: ICredentialDataDecryptedObject): { baseURL: unknown; url: unknown } {
		const { baseURL, url } = credential.test.request;
		const evaluate = (value: string | undefined) =>
			workflow.expression.getSimpleParameterValue(node, value, 'internal', {
				$credentials: values,
			} as never);
		return { baseURL: evaluate(baseURL), url: evaluate(url) };
	}

	it('is a GET of the Test Path under the Base URL', () => {
		expect(credential.test.request.method).toBe('GET');
		expect(
			resolved({ baseUrl: 'https://api.hubapi.com/crm/v3', testPath: '/objects/contacts?limit=1' }),
		).toEqual({
			baseURL: 'https://api.hubapi.com/crm/v3',
			url: '/objects/contacts?limit=1',
		});
	});

	it('joins with exactly one slash whatever the user typed, and tests "/" without a Test Path', () => {
		expect(resolved({ baseUrl: 'http://127.0.0.1:8080/api/', testPath: 'health' })).toEqual({
			baseURL: 'http://127.0.0.1:8080/api',
			url: '/health',
		});
		expect(resolved({ baseUrl: 'http://127.0.0.1:8080', testPath: '' })).toEqual({
			baseURL: 'http://127.0.0.1:8080',
			url: '/',
		});
	});

	it('is the type the node asks for, with every secret entered as a password', () => {
		expect(credential.name).toBe('handoffDestinationApi');
		expect(credential.properties.map((p) => p.name)).toEqual([
			'baseUrl',
			'authentication',
			'headerName',
			'headerSecret',
			'token',
			'user',
			'password',
			'queryName',
			'querySecret',
			'testPath',
		]);
		expect(credential.properties.filter((p) => p.typeOptions?.password).map((p) => p.name)).toEqual(
			['headerSecret', 'token', 'password', 'querySecret'],
		);
	});
});
