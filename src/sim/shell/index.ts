// Public entry of the terminal: createShell() gives the browser terminal and the CLI the same interpreter.
// Documented in src/sim/shell/README.md.
import { Shell } from './shell';
import { World, type WorldOptions } from '../world';
import { PROGRAMS } from './programs';
import { completeLine } from './complete';

export { Shell, HELP_TEXT, type RunResult } from './shell';
export { World } from '../world';
export { Vfs, PROJECT_DIR, HOME } from './vfs';
export { parse, needsMoreInput } from './lexer';
export { seedFiles, DEFAULT_ENV_EXAMPLE } from './seed';
export type { Completion } from './types';

export interface ShellOptions extends WorldOptions {
  /** true (default) for the browser terminal: long-running commands hold the terminal until interrupt().
   *  false for scripts (the CLI): they are stopped as if Ctrl-C was pressed once they printed their start-up lines. */
  interactive?: boolean;
  /** run on an existing workstation (e.g. a second terminal on the same World) */
  world?: World;
}

export function createShell(opts: ShellOptions = {}): Shell {
  const world = opts.world ?? new World(opts);
  return new Shell({ world, programs: PROGRAMS, interactive: opts.interactive ?? true, complete: completeLine });
}
