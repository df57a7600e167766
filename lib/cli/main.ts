// Entry point of `worthwise` (bin/worthwise.js loads this through tsx). runCli is pure apart from
// reading input files and takes "now" as an argument, so tests call it directly; the bottom of the
// file wires it to the process and its clock.
import { ClvInputError } from '../metrics/clv/index';
import { parseCliArgs, USAGE } from './args';
import { CliError, EXIT_BAD_INPUT, EXIT_USAGE } from './cli-error';
import { runFit, type CommandOutput } from './fit-command';
import { runInspect } from './inspect-command';
import { transactionFormat, withTransactions } from './load-customers';
import { runPredict } from './predict-command';
import { runSummary } from './summary-command';

export async function runCli(argv: string[], now: Date): Promise<CommandOutput> {
  try {
    const args = parseCliArgs(argv);
    const known = ['inspect', 'summary', 'fit', 'predict'].includes(args.command);
    const format = known ? transactionFormat(args, now) : null;
    switch (args.command) {
      case 'inspect':
        return await runInspect(args, format!);
      case 'summary':
        return runSummary(await withTransactions(args, format!));
      case 'fit':
        return runFit(await withTransactions(args, format!));
      case 'predict':
        return runPredict(await withTransactions(args, format!));
      default:
        throw new CliError(`unknown command "${args.command}"\n${USAGE}`, EXIT_USAGE);
    }
  } catch (e) {
    if (e instanceof CliError) return { stdout: '', stderr: `worthwise: ${e.message}\n`, exitCode: e.exitCode };
    if (e instanceof ClvInputError) return { stdout: '', stderr: `worthwise: ${e.message}\n`, exitCode: EXIT_BAD_INPUT };
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      return { stdout: '', stderr: `worthwise: ${(e as Error).message}\n`, exitCode: EXIT_BAD_INPUT };
    }
    throw e;
  }
}

/** Runs with process.argv and sets the exit code; used by bin/worthwise.js. */
export async function main(): Promise<void> {
  // `worthwise predict … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const out = await runCli(process.argv.slice(2), new Date());
  if (out.stdout) process.stdout.write(out.stdout);
  if (out.stderr) process.stderr.write(out.stderr);
  process.exitCode = out.exitCode;
}
