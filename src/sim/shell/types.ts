// Types shared by the shell and the programs it runs (kubectl, minikube, docker, curl, builtins).
import type { World } from '../world';

/** Where a program writes. `out` is stdout (can be piped/redirected), `err` is stderr (goes to the terminal). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** standard input: a heredoc, `< file` or the previous command of a pipeline; undefined when it is the terminal */
  stdin: string | undefined;
}

export interface Ctx {
  world: World;
  io: Io;
  env: Map<string, string>;
  cwd: string;
  /** true in the browser terminal; false when a script is fed to the CLI */
  interactive: boolean;
  /** stdout is a terminal (not a pipe, a file or $(…)) */
  stdoutIsTty: boolean;
  /** stdout written later, after the command returned (background jobs, port-forward): goes where the command's
   *  stdout was redirected (`> /dev/null &` silences it), else to the terminal */
  later(text: string): void;
  /** stderr written later (`error: lost connection to pod`): the terminal unless `2>` redirected it */
  laterErr?(text: string): void;
  /** absolute path for a user-typed path */
  resolve(path: string): string;
  /** the text the user typed for this command (for jobs) */
  commandText: string;
  /** this program's process id (the one `&` announced for a background job) */
  pid: number;
  /** the shell asks the editor to open a file (kubectl edit); returns false when no editor is attached */
  openEditor(path: string, onSave?: (text: string) => void): boolean;
}

/**
 * A program that keeps running after printing its start-up lines (port-forward, minikube tunnel, logs -f, get -w).
 * In the browser it stays in the foreground until Ctrl-C (or in the background with &). In a CLI script the shell
 * first lets `runBounded` use virtual time (only get -w does), then stops it as if Ctrl-C was pressed and shows `^C`.
 */
export interface LongRunning {
  longRunning: true;
  /** CLI only: let bounded virtual time pass while in the foreground (kubectl get -w) */
  runBounded?(): void;
  /** stop (Ctrl-C = INT, kill = TERM); may write farewell lines with `later` */
  stop(signal: 'INT' | 'TERM'): void;
  /** set when the program ended by itself (e.g. port-forward lost its pod); the shell reports it */
  ended?: { exitCode: number };
}

export type ProgramResult = number | LongRunning;
export type Program = (argv: string[], ctx: Ctx) => ProgramResult;

export function isLongRunning(r: ProgramResult): r is LongRunning {
  return typeof r === 'object' && r !== null && (r as LongRunning).longRunning === true;
}

/** Collects writes into a string (used for pipes, $(…) and tests). */
export function bufferIo(stdin?: string): Io & { stdout: string; stderr: string; all: string } {
  const b = {
    stdout: '', stderr: '', all: '', stdin,
    out(t: string) { b.stdout += t; b.all += t; },
    err(t: string) { b.stderr += t; b.all += t; },
  };
  return b;
}

/** A completion request's answer: replace line[start..cursor] with one of the candidates. */
export interface Completion { start: number; candidates: string[] }
