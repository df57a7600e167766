// Entry point of `worthwise` (bin/worthwise.js loads this through tsx). runCli is pure apart from
// reading input files, so tests call it directly; the bottom of the file wires it to the process.
import { ClvInputError } from '../metrics/clv/index';
import { parseCliArgs, USAGE } from './args';
import { CliError, EXIT_BAD_INPUT, EXIT_USAGE } from './cli-error';
import { runFit, type CommandOutput } from './fit-command';
import { runPredict } from './predict-command';
import { runSummary } from './summary-command';

export function runCli(argv: string[]): CommandOutput {
  try {
    const args = parseCliArgs(argv);
    switch (args.command) {
      case 'summary':
        return runSummary(args);
      case 'fit':
        return runFit(args);
      case 'predict':
        return runPredict(args);
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
export function main(): void {
  // `worthwise predict … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const out = runCli(process.argv.slice(2));
  if (out.stdout) process.stdout.write(out.stdout);
  if (out.stderr) process.stderr.write(out.stderr);
  process.exitCode = out.exitCode;
}
