import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeCredentialsDetails,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

/**
 * Credentials for in-process runs: plain decrypted values by credential type, authenticated
 * the way n8n does it — a function `authenticate`, or the generic form with `{{$credentials.x}}`.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Map<string, ICredentialType>,
		private readonly values: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		request: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const auth = this.types.get(typeName)?.authenticate;
		if (!auth) return request;
		if (typeof auth === 'function') return await auth(credentials, request);
		const resolve = (value: unknown): unknown =>
			typeof value === 'string'
				? value
						.replace(/^=/, '')
						.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) =>
							String(credentials[key] ?? ''),
						)
				: value;
		const apply = (
			target: Record<string, unknown> | undefined,
			source: Record<string, unknown> | undefined,
		) => {
			const out = { ...(target ?? {}) };
			for (const [key, value] of Object.entries(source ?? {})) out[key] = resolve(value);
			return out;
		};
		const { properties } = auth;
		return {
			...request,
			headers: apply(
				request.headers as Record<string, unknown>,
				properties.headers as Record<string, unknown>,
			) as IHttpRequestOptions['headers'],
			qs: apply(
				request.qs as Record<string, unknown>,
				properties.qs as Record<string, unknown>,
			) as IHttpRequestOptions['qs'],
			...(properties.auth
				? {
						auth: apply(
							undefined,
							properties.auth as Record<string, unknown>,
						) as unknown as IHttpRequestOptions['auth'],
					}
				: {}),
		};
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	getCredentialsProperties() {
		return [];
	}

	async getDecrypted(
		_data: IWorkflowExecuteAdditionalData,
		_node: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const value = this.values[type];
		if (!value) throw new Error(`The test gave no credentials of type "${type}"`);
		return value;
	}

	async getCredentials(): Promise<never> {
		throw new Error('Not available in the harness');
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}
}
