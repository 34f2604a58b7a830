import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { SYSTEM } from '../../domain/access.js';
import { hashPassword, passwordProblem } from '../../auth/passwords.js';
import { createAccount, DuplicateEmailError } from '../../store/queries/accounts.js';
import { CommandError, commandContext, run, withStore } from '../context.js';

export function registerAdmin(program: Command): void {
  const admin = program.command('admin').description('administrator accounts');
  admin
    .command('create')
    .description('create an administrator account (there is no default password)')
    .requiredOption('--email <email>', 'e-mail address, used to sign in')
    .requiredOption('--name <name>', 'the name shown in the app and the audit log')
    .option('--password-stdin', 'read the password from standard input instead of asking for it')
    .action(run(async (opts: { email: string; name: string; passwordStdin?: boolean }) => {
      if (!/^[^@\s]+@[^@\s]+$/.test(opts.email)) throw new CommandError(`not an e-mail address: ${opts.email}`);
      const password = opts.passwordStdin ? await readStdin() : await ask('Lösenord (minst 12 tecken): ');
      const problem = passwordProblem(password);
      if (problem) throw new CommandError(problem);
      const ctx = commandContext();
      await withStore(ctx, async (store) => {
        try {
          const account = await createAccount(store.db, SYSTEM, { email: opts.email, name: opts.name, passwordHash: await hashPassword(password), admin: true, personId: null });
          process.stdout.write(`administrator ${account.email} created (account ${account.id})\n`);
        } catch (e) {
          if (e instanceof DuplicateEmailError) throw new CommandError(e.message);
          throw e;
        }
      });
    }));
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new CommandError('no terminal to ask for the password: use --password-stdin');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Keep the password off the screen.
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  let prompted = false;
  output._writeToOutput = (s: string) => {
    if (!prompted) {
      process.stderr.write(s);
      prompted = true;
    }
  };
  try {
    return await rl.question(question);
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
