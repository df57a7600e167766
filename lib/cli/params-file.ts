// --params: a JSON file keyed by model, e.g. {"bgnbd": {"r", "alpha", "a", "b"}, "gg": {"p", "q", "gamma"}}.
import { readFileSync } from 'node:fs';
import { CliError } from './cli-error';

export type ParamsFile = Record<string, Record<string, number>>;

export function readParamsFile(file: string): ParamsFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(`${file}: not readable JSON (${(e as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CliError(`${file}: expected an object keyed by model name`);
  return json as ParamsFile;
}

/** The entry for `model`, or a clear error naming the keys that are there. */
export function paramsFor(file: string, params: ParamsFile, model: string): Record<string, number> {
  const entry = params[model];
  if (!entry) throw new CliError(`${file}: no "${model}" parameters (keys: ${Object.keys(params).join(', ') || 'none'})`);
  return entry;
}
