import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { auditSetup, readSetupFacts } from '../../../core/scorecard/setupAudit';
import { toNodeError } from '../../shared/runner';
import { oneItemFromAll } from '../collect';

/**
 * Check Setup: the business's settings, team and the facts the self-audit gathered into one
 * verdict with every setup problem and its fix. Like Summarize Period, it reads its parameters
 * once: the verdict is about the whole setup, not about one item.
 */
export async function checkSetup(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	try {
		const facts = readSetupFacts({
			setup: ctx.getNodeParameter('setup', 0),
			entries: ctx.getNodeParameter('entries', 0, '[]'),
			ownerNotices: ctx.getNodeParameter('ownerNotices', 0, '[]'),
			workflows: ctx.getNodeParameter('workflows', 0, '[]'),
		});
		return oneItemFromAll(items, { setupAudit: auditSetup(facts) } as unknown as IDataObject);
	} catch (error) {
		throw toNodeError(ctx, error, 0);
	}
}
