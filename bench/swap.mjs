// "The same template with this package's nodes swapped for Set nodes passing the same data",
// generated from the template JSON and one recorded execution of it on the same n8n: every node of
// this package becomes a Set node (raw JSON) that emits what the node emitted in the recorded run,
// wired to the targets of the output the recorded run took. What differs per request (the
// request's number and the inquiry id) is made per execution with `$execution.id`, so each run is
// a new person to the Data tables, as in the real template. Nodes the recorded run did not reach
// become No-Ops. The result costs what the template costs without this package's own work.
const PACKAGE = 'n8n-nodes-inquiry-continuity';

const isOurs = (node) => node.type.startsWith(`${PACKAGE}.`);

/** The recorded items of a node's first output that had any: { output, items }. */
function recordedOutput(runData, name) {
	const main = runData[name]?.[0]?.data?.main ?? [];
	const output = main.findIndex((items) => (items?.length ?? 0) > 0);
	return output < 0 ? undefined : { output, items: main[output].map((item) => item.json) };
}

/**
 * `unique`: strings of the recorded run that must differ per execution, each with the expression
 * text to put in its place (e.g. the request number's six digits → a six-digit number made from
 * the execution id).
 */
export function withSetNodes(workflow, runData, { name, unique }) {
	const swapped = new Set();
	const connections = structuredClone(workflow.connections);
	const nodes = workflow.nodes.map((node) => {
		if (!isOurs(node)) return node;
		swapped.add(node.name);
		const recorded = recordedOutput(runData, node.name);
		const outputs = connections[node.name]?.main ?? [];
		if (!recorded) {
			connections[node.name] = { main: [outputs[0] ?? []] };
			return { ...base(node), type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };
		}
		connections[node.name] = { main: [outputs[recorded.output] ?? []] };
		// One item per input item as the nodes of this package emit; the first recorded item stands for all.
		let json = JSON.stringify(recorded.items[0]);
		for (const [text, expression] of unique) json = json.split(text).join(expression);
		return {
			...base(node),
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: { mode: 'raw', jsonOutput: `=${json}`, options: {} },
		};
	});
	return { workflow: { ...workflow, name, nodes, connections }, swapped: [...swapped] };
}

const base = (node) => ({
	id: node.id,
	name: node.name,
	position: node.position,
	...(node.alwaysOutputData ? { alwaysOutputData: true } : {}),
});
