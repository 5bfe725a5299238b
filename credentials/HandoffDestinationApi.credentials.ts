import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

type AuthMethod = 'none' | 'header' | 'bearer' | 'basic' | 'queryKey';

const onAuth = (method: AuthMethod) => ({ show: { authentication: [method] } });

/**
 * The system of record the Verify Inquiry Handoff node reads back from: a base URL and how to
 * sign in. Requests only ever go to paths under the base URL.
 */
export class HandoffDestinationApi implements ICredentialType {
	name = 'handoffDestinationApi';

	displayName = 'Handoff Destination API';

	icon: Icon = {
		light: 'file:handoffDestinationApi.svg',
		dark: 'file:handoffDestinationApi.dark.svg',
	};

	documentationUrl =
		'https://github.com/inquiry-continuity/n8n-nodes-inquiry-continuity/blob/main/docs/nodes/verify-inquiry-handoff.md#the-handoff-destination-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://api.hubapi.com/crm/v3',
			description:
				"The start of every address the node reads from. The node's URL is added after it.",
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'None', value: 'none' },
				{
					name: 'Header (API Key)',
					value: 'header',
					description: 'A key sent in a header you name, e.g. X-API-Key',
				},
				{
					name: 'Bearer Token',
					value: 'bearer',
					description: 'Authorization: Bearer …, e.g. a HubSpot private app token',
				},
				{ name: 'Basic Auth', value: 'basic', description: 'A user name and password' },
				{
					name: 'Query Key',
					value: 'queryKey',
					description: 'A key added to the address, e.g. ?api_key=…',
				},
			],
			default: 'bearer',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-API-Key',
			placeholder: 'e.g. X-API-Key',
			displayOptions: onAuth('header'),
		},
		{
			displayName: 'Header Value',
			name: 'headerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: onAuth('header'),
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Sent as "Authorization: Bearer <token>"',
			displayOptions: onAuth('bearer'),
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			displayOptions: onAuth('basic'),
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: onAuth('basic'),
		},
		{
			displayName: 'Query Parameter Name',
			name: 'queryName',
			type: 'string',
			default: 'api_key',
			placeholder: 'e.g. api_key',
			displayOptions: onAuth('queryKey'),
		},
		{
			displayName: 'Query Parameter Value',
			name: 'querySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: onAuth('queryKey'),
		},
		{
			displayName: 'Test Path',
			name: 'testPath',
			type: 'string',
			default: '/',
			placeholder: 'e.g. /contacts?limit=1',
			description:
				'A page under the base URL that answers 2xx when the sign-in works. Used by the credential test ("Retry" in this dialog).',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		request: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const text = (key: string) =>
			typeof credentials[key] === 'string' ? (credentials[key] as string) : '';
		switch (credentials.authentication as AuthMethod) {
			case 'header':
				return {
					...request,
					headers: {
						...request.headers,
						[text('headerName') || 'X-API-Key']: text('headerSecret'),
					},
				};
			case 'bearer':
				return {
					...request,
					headers: { ...request.headers, Authorization: `Bearer ${text('token')}` },
				};
			case 'basic':
				return { ...request, auth: { username: text('user'), password: text('password') } };
			case 'queryKey':
				return {
					...request,
					qs: { ...request.qs, [text('queryName') || 'api_key']: text('querySecret') },
				};
			default:
				return request;
		}
	}

	test: ICredentialTestRequest = {
		request: {
			// One trailing slash dropped: "/+$" would backtrack on a long run of slashes.
			baseURL: '={{ $credentials.baseUrl.trim().replace(/\\/$/, "") }}',
			url: '={{ ($credentials.testPath || "/").startsWith("/") ? ($credentials.testPath || "/") : "/" + $credentials.testPath }}',
			method: 'GET',
		},
	};
}
