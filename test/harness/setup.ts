// Workflow-test setup: filled in by the harness.
