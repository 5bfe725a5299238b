import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { Inquiry } from '../../core/inquiry/schema';
import type { WorkflowJson } from '../harness';
import { runWorkflow } from '../harness';
import { harnessNodeTypes, PACKAGE_NAME } from '../harness/nodeTypes';
import { CRM_TOKEN, startLocalCrm } from '../../nodes/VerifyInquiryHandoff/test/localCrm';

/** What n8n's AI Agent holds of a connected tool: a name, a schema and `invoke`. */
interface AgentTool {
	name: string;
	schema: { shape: Record<string, unknown> };
	invoke(args: IDataObject): Promise<string>;
}

/**
 * Stands in for the AI Agent: it asks n8n-core for the tools connected to it, exactly as the
 * agent does, and calls the first with the arguments a model would send (the "Arguments" JSON).
 */
class ToolCaller implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tool Caller',
		name: 'toolCaller',
		group: ['transform'],
		version: 1,
		description: 'Calls a connected tool',
		defaults: { name: 'Tool Caller' },
		inputs: [
			NodeConnectionTypes.Main,
			{ type: NodeConnectionTypes.AiTool, displayName: 'Tool', required: true },
		],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Arguments', name: 'arguments', type: 'json', default: '{}' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const [tool] = (await this.getInputConnectionData(
			NodeConnectionTypes.AiTool,
			0,
		)) as AgentTool[];
		const args = JSON.parse(this.getNodeParameter('arguments', 0) as string) as IDataObject;
		const answer = await tool.invoke(args);
		return [
			[
				{
					json: {
						tool: tool.name,
						expects: Object.keys(tool.schema.shape),
						answer: JSON.parse(answer) as IDataObject,
					},
				},
			],
		];
	}
}

const CALLER = 'harness.toolCaller';
const fromAi = (key: string, description: string, type = 'string') =>
	`={{ $fromAI('${key}', '${description}', '${type}') }}`;

interface ToolNode {
	name: string;
	type: string;
	parameters: IDataObject;
	credentials?: Record<string, { id: string; name: string }>;
}

/** Manual trigger → the agent stand-in, with one of this package's nodes on its tool input, set up as a user would. */
function agentWorkflow(tool: ToolNode, args: IDataObject): WorkflowJson {
	return {
		nodes: [
			{
				id: 't',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'a',
				name: 'Agent',
				type: CALLER,
				typeVersion: 1,
				position: [220, 0],
				parameters: { arguments: JSON.stringify(args) },
			},
			{
				id: 'n',
				typeVersion: 1,
				position: [220, 200],
				...tool,
				type: `${PACKAGE_NAME}.${tool.type}Tool`,
			},
		],
		connections: {
			Start: { main: [[{ node: 'Agent', type: NodeConnectionTypes.Main, index: 0 }]] },
			[tool.name]: {
				[NodeConnectionTypes.AiTool]: [
					[{ node: 'Agent', type: NodeConnectionTypes.AiTool, index: 0 }],
				],
			},
		},
	} as unknown as WorkflowJson;
}

const NORMALIZE: ToolNode = {
	name: 'Normalize Lead',
	type: 'normalizeInquiry',
	parameters: {
		source: 'custom',
		customMapping: {
			mappings: [
				{ field: 'name.full', value: fromAi('name', 'The full name of the person asking') },
				{ field: 'email', value: fromAi('email', 'Their email address') },
				{ field: 'phone', value: fromAi('phone', 'Their phone number, as they gave it') },
				{ field: 'message', value: fromAi('message', 'What they asked for, in their words') },
				{ field: 'channel', value: 'chat' },
			],
		},
	},
};
const JANE = {
	name: 'Jane Roe',
	email: 'Jane.Roe@Example.com',
	phone: '(415) 555-0123',
	message: 'Water heater leaking, call me',
};
const NOW = '2026-03-02T15:00:00.000Z';

/** What the agent got back from its one tool call. */
async function callTool(
	tool: ToolNode,
	args: IDataObject,
	options: Parameters<typeof runWorkflow>[1] = {},
) {
	const result = await runWorkflow(agentWorkflow(tool, args), { now: NOW, ...options });
	expect(result.error).toBeUndefined();
	return result.output('Agent')[0] as { tool: string; expects: string[]; answer: IDataObject[] };
}

beforeAll(async () => {
	(await harnessNodeTypes()).addTestNodeType(CALLER, new ToolCaller());
});

describe('Normalize Inquiry as an AI agent’s tool', () => {
	it('answers a tool call with the normalized inquiry', async () => {
		const { tool, answer } = await callTool(NORMALIZE, JANE);
		expect(tool).toBe('Normalize_Lead');
		// The agent gets the items of the node's first output (Normalized): here, one inquiry.
		expect(answer).toHaveLength(1);
		const inquiry = Inquiry.parse(answer[0]);
		expect(inquiry.channel).toBe('chat');
		expect(inquiry.contact.name.full).toBe('Jane Roe');
		expect(inquiry.contact.email?.address).toBe('jane.roe@example.com');
		expect(inquiry.contact.phone?.e164).toBe('+14155550123');
		expect(inquiry.request.message).toBe('Water heater leaking, call me');
		expect(inquiry.receivedAt).toBe(NOW);
	});

	it('asks the agent for one argument per $fromAI() in the parameters, and refuses a call without them', async () => {
		const { expects } = await callTool(NORMALIZE, JANE);
		expect(expects).toEqual(['name', 'email', 'phone', 'message']);
		const missing = await runWorkflow(agentWorkflow(NORMALIZE, { name: 'Ana' }));
		expect(missing.error?.message).toBe(
			'Received tool input did not match expected schema\n\n✖ Required\n  → at email\n✖ Required\n  → at phone\n✖ Required\n  → at message',
		);
	});
});

describe('the inquiry an agent got from Normalize Inquiry, handed to the next tool', () => {
	const inquiryArgument = fromAi(
		'inquiry',
		'The inquiry exactly as Normalize Inquiry returned it',
		'json',
	);
	let jane: IDataObject;
	beforeAll(async () => {
		jane = (await callTool(NORMALIZE, JANE)).answer[0];
	});

	it('Inquiry Continuity Scorecard scores it: captured, nothing after (Entry alone: 2)', async () => {
		const scorecard: ToolNode = {
			name: 'Score Lead',
			type: 'inquiryContinuityScorecard',
			parameters: { operation: 'scoreInquiry', inquiry: inquiryArgument },
		};
		const { expects, answer } = await callTool(scorecard, { inquiry: jane });
		expect(expects).toEqual(['inquiry']);
		expect(answer[0].id).toBe(jane.id);
		expect(answer[0].scorecard).toMatchObject({
			score: 2,
			label: 'Disconnected systems',
			passed: 1,
		});
	});

	it('Verify Inquiry Handoff reads its record back from the CRM by email and answers with the receipt', async () => {
		const crm = await startLocalCrm();
		try {
			const stored = await fetch(`${crm.url}/contacts`, {
				method: 'POST',
				headers: { authorization: `Bearer ${CRM_TOKEN}`, 'content-type': 'application/json' },
				body: JSON.stringify({
					name: 'Jane Roe',
					email: 'jane.roe@example.com',
					phone: '+14155550123',
					message: JANE.message,
				}),
			});
			expect(stored.status).toBe(201);
			const verify: ToolNode = {
				name: 'Check CRM',
				type: 'verifyInquiryHandoff',
				parameters: {
					mode: 'readBack',
					destination: 'Local CRM',
					inquirySource: 'earlierNode',
					inquiry: inquiryArgument,
					url: '/contacts?email={email}',
					recordPath: 'results',
					fieldsMode: 'standard',
					standardFields: ['name', 'email', 'phone', 'message'],
					deadline: 'none',
				},
				credentials: { handoffDestinationApi: { id: '1', name: 'Local CRM' } },
			};
			const { answer } = await callTool(
				verify,
				{ inquiry: jane },
				{
					credentials: {
						handoffDestinationApi: { baseUrl: crm.url, authentication: 'bearer', token: CRM_TOKEN },
					},
				},
			);
			expect(answer[0].handoff).toMatchObject({
				status: 'verified',
				recordId: 'c-1',
				matched: ['name', 'email', 'phone', 'message'],
			});
			expect(crm.requests).toEqual([
				'POST /contacts',
				'GET /contacts?email=jane.roe%40example.com',
			]);
		} finally {
			await crm.close();
		}
	});
});
