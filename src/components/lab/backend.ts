// What the lab UI needs from the simulator, in one small interface. sim-backend.ts implements it over the real
// shell and engine (src/sim); tests may use a double. Paths are relative to the project directory.
import type { KObject, ObjectRef, RequestTrace } from './view-model';

export interface RunOutcome {
  output: string;
  exitCode: number;
  /** A long-running command (port-forward, tunnel, get -w) holds the terminal until Ctrl-C. */
  running: boolean;
  /** Open heredoc, quote or trailing operator: the terminal reads another line. */
  incomplete: boolean;
}

export interface SimDiagnostic {
  line: number; column: number; endLine?: number; endColumn?: number;
  message: string; severity: 'error' | 'warning' | 'info';
}

export interface LabBackend {
  readonly seed: number;
  run(input: string): RunOutcome;
  /** Ctrl-C: returns what the terminal shows. */
  interrupt(): string;
  readonly busy: boolean;
  complete(line: string, cursor: number): { start: number; candidates: string[] };
  /** Output between commands (background jobs, port-forward connections). */
  onOutput(cb: (text: string) => void): () => void;
  prompt(): string;

  readFile(path: string): string | undefined;
  writeFile(path: string, text: string): void;
  onFileChange(cb: (path: string) => void): () => void;

  /** Every object in the cluster (all namespaces), or [] when there is no running cluster. */
  objects(): KObject[];
  /** Increases whenever the cluster's objects change (cheap change detection for the view). */
  revision(): number;
  /** Virtual milliseconds since the lab started. */
  elapsedMs(): number;
  advance(seconds: number): void;
  explain?(ref: ObjectRef): string | undefined;
  /** The hop-by-hop trace of the latest request (curl, port-forward connection), if any. */
  lastTrace?(): RequestTrace | null;
  /** The simulator's own checks of a manifest (YAML syntax, API validation, selector/labels), with positions. */
  validate?(path: string, text: string): SimDiagnostic[];
  /**
   * kubectl edit: the terminal asks the UI to open a file in its editor and hands back `onSave`, which takes the
   * text the editor ends with (saving, or the unchanged text when the edit is cancelled). onSave may ask again for
   * the same path (kubectl reopens a failed edit with the reasons). Without `onSave` (nano/vi FILE) the file is
   * simply opened for editing (the editor writes the file as it changes). Return false when no editor is attached.
   */
  setEditorHook?(hook: ((path: string, onSave?: (text: string) => void) => boolean) | undefined): void;
  /** JSON schema per kind for the editor (Deployment, Service, Secret, ConfigMap, Pod, Namespace...). */
  schemas(): Record<string, object>;
}
