import type { Command } from 'commander';

// PLACEHOLDER: filled in by the work on this command.
export function registerWorker(_program: Command): void {}
