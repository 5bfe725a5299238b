import type { ICredentialsDecrypted, ICredentialTestFunctions } from 'n8n-workflow';
import { NormalizeInquiry } from '../NormalizeInquiry.node';

/** The credential test runs in the credential dialog, which no workflow reaches. */
describe('Normalize Inquiry credential test', () => {
	const test = (data: ICredentialsDecrypted['data']) =>
		new NormalizeInquiry().methods.credentialTest.inquiryWebhookSecretShape.call(
			{} as ICredentialTestFunctions,
			{
				id: '1',
				name: 'secret',
				type: 'inquiryWebhookSecretApi',
				data,
			},
		);

	it('passes a stored secret and says how to prove it for real', async () => {
		await expect(test({ secret: 'abc', publicUrl: '' })).resolves.toEqual({
			status: 'OK',
			message: expect.stringContaining('test delivery'),
		});
	});

	it('fails an empty secret and a public URL that is not a URL', async () => {
		await expect(test({ secret: '' })).resolves.toMatchObject({ status: 'Error' });
		await expect(test({ secret: 'abc', publicUrl: 'n8n.example.com' })).resolves.toMatchObject({
			status: 'Error',
		});
	});
});
