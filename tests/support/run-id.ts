import type { TestProject } from 'vitest/node';

/** One id per test run, so the test files that need the built package build it once between them. */
export default function setup(project: TestProject): void {
  project.provide('runId', `${process.pid}-${Date.now()}`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    runId: string;
  }
}
