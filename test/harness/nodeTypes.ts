import { readFileSync } from 'fs';
import { join } from 'path';
import { LazyPackageDirectoryLoader } from 'n8n-core';
import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

export const PACKAGE_ROOT = join(__dirname, '../..');
export const PACKAGE_NAME = 'n8n-nodes-inquiry-continuity';
const BASE_PACKAGE = 'n8n-nodes-base';

interface PackageJson {
	n8n: { nodes: string[]; credentials: string[] };
}

/**
 * Maps a dist path from package.json ("dist/nodes/X/X.node.js") to its TypeScript source, or to
 * the built file itself when HARNESS_NODES_FROM=dist (benchmarks measure the compiled code).
 */
function sourceOf(distPath: string): string {
	if (process.env.HARNESS_NODES_FROM === 'dist') return join(PACKAGE_ROOT, distPath);
	return join(PACKAGE_ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

function loadExportedClass<T>(file: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(file) as Record<string, new () => T>;
	const Class = Object.values(exported).find((value) => typeof value === 'function');
	if (!Class) throw new Error(`No class exported from ${file}`);
	return new Class();
}

/**
 * Node and credential types for in-process runs: this package's nodes straight from their
 * TypeScript sources (listed in package.json, so an unlisted node fails here as it would in n8n),
 * plus the real n8n-nodes-base package loaded the way n8n loads it.
 */
export class HarnessNodeTypes implements INodeTypes {
	private readonly own = new Map<string, INodeType | IVersionedNodeType>();
	readonly credentialTypes = new Map<string, ICredentialType>();
	private base?: LazyPackageDirectoryLoader;

	async init(): Promise<this> {
		const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as PackageJson;
		for (const file of pkg.n8n.nodes) {
			const node = loadExportedClass<INodeType>(sourceOf(file));
			this.own.set(`${PACKAGE_NAME}.${node.description.name}`, node);
			if (node.description.usableAsTool)
				this.own.set(`${PACKAGE_NAME}.${node.description.name}Tool`, toolTwin(node));
		}
		for (const file of pkg.n8n.credentials) {
			const credential = loadExportedClass<ICredentialType>(sourceOf(file));
			this.credentialTypes.set(credential.name, credential);
		}
		this.base = new LazyPackageDirectoryLoader(join(PACKAGE_ROOT, 'node_modules', BASE_PACKAGE));
		await this.base.loadAll();
		return this;
	}

	/** A node type only a test uses (e.g. a stand-in for an AI agent that calls tools). */
	addTestNodeType(type: string, node: INodeType): void {
		this.own.set(type, node);
	}

	getByName(type: string): INodeType | IVersionedNodeType {
		const own = this.own.get(type);
		if (own) return own;
		if (type.startsWith(`${BASE_PACKAGE}.`) && this.base)
			return this.base.getNode(type.slice(BASE_PACKAGE.length + 1)).type;
		throw new Error(`Unknown node type "${type}" in the test harness`);
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

/**
 * The "<name>Tool" twin n8n adds for a node marked usableAsTool (n8n's convertNodeToAiTool): the
 * same node, with no main input and one AI tool output, run by n8n-core when an agent calls it.
 */
function toolTwin(node: INodeType): INodeType {
	const twin = Object.create(node) as INodeType;
	const { usableAsTool: _, ...description } = node.description;
	twin.description = {
		...description,
		name: `${description.name}Tool`,
		displayName: `${description.displayName} Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
		properties: [
			...description.properties,
			{
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				default: description.description,
			},
		],
	};
	return twin;
}

let shared: Promise<HarnessNodeTypes> | undefined;
/** One registry per test file: loading n8n-nodes-base costs ~1 s. */
export function harnessNodeTypes(): Promise<HarnessNodeTypes> {
	shared ??= new HarnessNodeTypes().init();
	return shared;
}
