import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { janeRecord, janeRoe } from '../../../core/handoff/test/inquiry';
import { manualTriggerWorkflow, runWorkflow } from '../../../test/harness';

const NODE = 'Verify Inquiry Handoff';
const TYPE = 'n8n-nodes-inquiry-continuity.verifyInquiryHandoff';
const NOW = '2026-03-02T15:00:00.000Z';

// Two inquiries, each carrying the name of "its" CRM: a per-item value in a per-run setting.
const items = [
	{ ...janeRoe(), record: janeRecord(), crm: 'HubSpot' },
	{ ...janeRoe({ id: 'inq-2' }), record: janeRecord(), crm: 'Pipedrive' },
] as unknown as IDataObject[];
const run = (destination: string, onError?: 'continueRegularOutput') => {
	const parameters: INodeParameters = { mode: 'record', destination, deadline: 'none' };
	return runWorkflow(
		manualTriggerWorkflow(items, [{ name: NODE, type: TYPE, parameters, onError }]),
		{ now: NOW },
	);
};
const destinations = (json: IDataObject[]) =>
	json.map((item) => (item.handoff as IDataObject | undefined)?.destination ?? item.errorCode);

describe('settings that hold for the whole run', () => {
	it('accept an expression that gives every item the same value', async () => {
		const result = await run('={{ "Hub" + "Spot" }}');
		expect(destinations(result.output(NODE, 0))).toEqual(['HubSpot', 'HubSpot']);
	});

	it('fail the item whose expression gives another value than the first item’s, naming the setting', async () => {
		const continued = await run('={{ $json.crm }}', 'continueRegularOutput');
		expect(destinations(continued.output(NODE, 0))).toEqual(['HubSpot']);
		expect(destinations(continued.output(NODE, 1))).toEqual(['SETTING_DIFFERS_PER_ITEM']);
		expect(continued.output(NODE, 1)[0].error).toBe(
			'A setting that holds for the whole run gives a different value for this item: "Destination Name"',
		);
		const stopped = await run('={{ $json.crm }}');
		expect(stopped.error).toMatchObject({
			message: expect.stringContaining('"Destination Name"'),
			description: expect.stringContaining('split the items'),
		});
	});
});
