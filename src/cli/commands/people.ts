import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { SYSTEM } from '../../domain/access.js';
import { exportPersonData, pseudonymisePerson, PublicRecordError } from '../../store/queries/personal-data.js';
import { findDuplicatePeople, MergeConflictError, mergePeople } from '../../store/queries/people-duplicates.js';
import { CommandError, commandContext, run, withStore } from '../context.js';

export function registerPeople(program: Command): void {
  const people = program.command('people').description('people named in protocols, and their personal data');
  people
    .command('export')
    .description('everything stored about a person, as JSON')
    .argument('<id>', 'person id')
    .option('--out <file>', 'write to a file')
    .action(run(async (id: string, opts: { out?: string }) => {
      const data = await withStore(commandContext(), (store) => exportPersonData(store.db, toId(id)));
      if (!data) throw new CommandError(`no person with id ${id}`);
      const json = `${JSON.stringify(data, null, 2)}\n`;
      if (opts.out) await fs.writeFile(opts.out, json);
      else process.stdout.write(json);
    }));
  people
    .command('pseudonymise')
    .description('replace a person with a pseudonym, when no signed or published protocol names them')
    .argument('<id>', 'person id')
    .action(run(async (id: string) => {
      await withStore(commandContext(), async (store) => {
        try {
          if (!(await pseudonymisePerson(store.db, SYSTEM, toId(id)))) throw new CommandError(`no person with id ${id}`);
        } catch (e) {
          if (e instanceof PublicRecordError) throw new CommandError(`${e.message} (meetings ${e.meetingIds.join(', ')})`);
          throw e;
        }
      });
      process.stdout.write(`person ${id} pseudonymised\n`);
    }));
  registerPeopleDuplicates(people);
}

function registerPeopleDuplicates(people: Command): void {
  people
    .command('duplicates')
    .description('people who may be the same person written two ways, for a person to confirm')
    .option('--json', 'print JSON')
    .action(run(async (opts: { json?: boolean }) => {
      const pairs = await withStore(commandContext(), (store) => findDuplicatePeople(store.db));
      if (opts.json) return void process.stdout.write(`${JSON.stringify(pairs, null, 2)}\n`);
      if (pairs.length === 0) return void process.stdout.write('no likely duplicates\n');
      for (const p of pairs) {
        process.stdout.write(`${p.similarity.toFixed(2)}  ${p.a.id} ${p.a.name} (${p.a.mentions})  ~  ${p.b.id} ${p.b.name} (${p.b.mentions})\n`);
      }
      process.stdout.write('confirm one with: samverka people merge <keep-id> <duplicate-id>\n');
    }));
  people
    .command('merge')
    .description('confirm that two people are the same: every mention moves to the first')
    .argument('<keep>', 'the person id to keep')
    .argument('<duplicate>', 'the person id to merge into it')
    .action(run(async (keep: string, duplicate: string) => {
      const ok = await withStore(commandContext(), (store) => mergePeople(store.db, SYSTEM, toId(keep), toId(duplicate))).catch((e: unknown) => {
        throw e instanceof MergeConflictError ? new CommandError(e.message) : e;
      });
      if (!ok) throw new CommandError('both ids must name existing, different people');
      process.stdout.write(`person ${duplicate} merged into ${keep}\n`);
    }));
}

function toId(s: string): number {
  if (!/^\d+$/.test(s)) throw new CommandError(`id must be a number, got "${s}"`);
  return Number(s);
}
