// Small builders for the template workflows. Templates are written as code so every template
// shares the same node names, sticky-note style and layout grid; `npm run templates` writes the
// importable JSON next to this folder, and a test fails if the JSON is out of date.
import { createHash } from 'node:crypto';

export const PACKAGE = 'n8n-nodes-inquiry-continuity';
export const COLUMN = 260;
export const ROW = 200;

/** A stable node id from the template and node name, so regenerating never churns the JSON. */
function nodeId(template, name) {
	const hex = createHash('sha256').update(`${template}/${name}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export class TemplateBuilder {
	constructor(name, { tags = [] } = {}) {
		this.name = name;
		this.tags = tags;
		this.nodes = [];
		this.connections = {};
	}

	/** Places a node on the grid: column and row are grid units, not pixels. */
	node(name, type, typeVersion, parameters, [column, row], extra = {}) {
		if (this.nodes.some((n) => n.name === name))
			throw new Error(`Duplicate node name "${name}" in ${this.name}`);
		this.nodes.push({
			parameters,
			id: nodeId(this.name, name),
			name,
			type,
			typeVersion,
			position: [Math.round(column * COLUMN), Math.round(row * ROW)],
			...extra,
		});
		return name;
	}

	/** One of this package's nodes. */
	ours(name, nodeName, parameters, at, extra) {
		return this.node(name, `${PACKAGE}.${nodeName}`, 1, parameters, at, extra);
	}

	connect(from, to, fromOutput = 0, toInput = 0) {
		const outputs = (this.connections[from] ??= { main: [] }).main;
		while (outputs.length <= fromOutput) outputs.push([]);
		outputs[fromOutput].push({ node: to, type: 'main', index: toInput });
		return this;
	}

	/** A sticky note; `color` 4 is n8n's yellow for the overview, 7 a quiet grey for sections. */
	note(title, content, [column, row], { width = 3, height = 2, color = 7 } = {}) {
		const name = `Note: ${title}`;
		return this.node(
			name,
			'n8n-nodes-base.stickyNote',
			1,
			{
				content: `## ${title}\n${content}`,
				height: height * ROW - 20,
				width: width * COLUMN - 20,
				color,
			},
			[column, row],
		);
	}

	toJSON() {
		return {
			name: this.name,
			nodes: this.nodes,
			connections: this.connections,
			pinData: {},
			settings: {
				executionOrder: 'v1',
				saveManualExecutions: true,
				callerPolicy: 'workflowsFromSameOwner',
			},
			tags: this.tags.map((name) => ({ name })),
			meta: { templateCredsSetupCompleted: false },
		};
	}
}

/** A Data table reference by name, so the JSON works on any instance where the table exists. */
export const table = (name) => ({ __rl: true, mode: 'name', value: name });

/** `{{ expression }}` for n8n parameters. */
export const expr = (code) => `={{ ${code} }}`;
