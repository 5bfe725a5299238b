export { loadWorkflow, runWorkflow } from './runWorkflow';
export type { RunOptions, RunResult, WorkflowJson } from './runWorkflow';
export { harnessNodeTypes, PACKAGE_NAME, PACKAGE_ROOT } from './nodeTypes';
export { manualTriggerWorkflow } from './builders';
export type { ChainNode } from './builders';
export { InMemoryDataTables } from './dataTables';
