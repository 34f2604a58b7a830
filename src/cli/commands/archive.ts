import type { Command } from 'commander';

// PLACEHOLDER: filled in by the work on this command.
export function registerArchive(_program: Command): void {}
