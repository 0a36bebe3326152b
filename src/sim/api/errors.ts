/**
 * API errors as the API server returns them (metav1.Status) and as kubectl prints them.
 * Sources: k8s.io/apimachinery/pkg/api/errors/errors.go (NewNotFound, NewAlreadyExists, NewInvalid,
 * NewConflict, NewBadRequest) and kubectl's cmdutil.StandardErrorMessage / MultilineError
 * (k8s.io/kubectl/pkg/cmd/util/helpers.go).
 */
import { qualifiedPlural, resourceForKind } from './registry';

export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed' | 'InternalError';

/** One field problem. `message` is the field error body (`Required value`, `Invalid value: "x": detail`). */
export interface FieldCause {
  field: string;
  message: string;
  /** 0-based document index in the applied file, when known */
  doc?: number;
  /** 1-based line and column of the field in the source, when known */
  line?: number;
  col?: number;
}

const codes: Record<StatusReason, number> = {
  NotFound: 404, AlreadyExists: 409, Conflict: 409, Invalid: 422, BadRequest: 400, Forbidden: 403, MethodNotAllowed: 405, InternalError: 500,
};

export class ApiError extends Error {
  readonly reason: StatusReason;
  readonly code: number;
  readonly kind: string | undefined;
  readonly objectName: string | undefined;
  readonly causes: FieldCause[];
  constructor(reason: StatusReason, message: string, opts: { kind?: string; name?: string; causes?: FieldCause[] } = {}) {
    super(message);
    this.name = 'ApiError';
    this.reason = reason;
    this.code = codes[reason];
    this.kind = opts.kind;
    this.objectName = opts.name;
    this.causes = opts.causes ?? [];
  }
}

function plural(kind: string): string {
  const r = resourceForKind(kind);
  return r ? qualifiedPlural(r) : `${kind.toLowerCase()}s`;
}

export function notFound(kind: string, name: string): ApiError {
  return new ApiError('NotFound', `${plural(kind)} "${name}" not found`, { kind, name });
}
export function alreadyExists(kind: string, name: string): ApiError {
  return new ApiError('AlreadyExists', `${plural(kind)} "${name}" already exists`, { kind, name });
}
export function conflict(kind: string, name: string): ApiError {
  return new ApiError(
    'Conflict',
    `Operation cannot be fulfilled on ${plural(kind)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { kind, name },
  );
}
export function badRequest(message: string, kind?: string, name?: string): ApiError {
  return new ApiError('BadRequest', message, { ...(kind ? { kind } : {}), ...(name ? { name } : {}) });
}
export function forbidden(message: string): ApiError {
  return new ApiError('Forbidden', message);
}

/** Go's field.ErrorList.ToAggregate().Error(): one message, or `[a, b]` for several (duplicates dropped). */
export function aggregate(msgs: string[]): string {
  const uniq = [...new Set(msgs)];
  if (uniq.length === 1) return uniq[0]!;
  return `[${uniq.join(', ')}]`;
}

/** 422 Invalid: `Deployment.apps "x" is invalid: <aggregate>` (the server's message); causes kept structured. */
export function invalid(kind: string, name: string, causes: FieldCause[]): ApiError {
  const r = resourceForKind(kind);
  const gk = r && r.group ? `${kind}.${r.group}` : kind;
  const msg = `${gk} "${name}" is invalid: ${aggregate(causes.map((c) => `${c.field}: ${c.message}`))}`;
  return new ApiError('Invalid', msg, { kind, name, causes });
}

/**
 * What kubectl prints for an error (without the trailing newline):
 * - Invalid: `The Deployment "x" is invalid: spec.selector: Required value`, or for several causes
 *   `The Deployment "x" is invalid: \n* a: …\n* b: …` (MultilineError with an empty prefix).
 * - others: `Error from server (Reason): message`.
 */
export function formatKubectlError(e: ApiError): string {
  if (e.reason === 'Invalid' && (e.kind || e.objectName || e.causes.length)) {
    // checkErr: details with neither kind nor name (the PATCH handler's 422) read "The request is invalid"
    const head = e.kind || e.objectName ? `The ${e.kind ?? ''} "${e.objectName ?? ''}" is invalid` : 'The request is invalid';
    const msgs = [...new Set(e.causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)))];
    if (msgs.length === 0) return head;
    if (msgs.length === 1) return `${head}: ${msgs[0]}`;
    return `${head}: \n${msgs.map((m) => `* ${m}`).join('\n')}`;
  }
  return `Error from server (${e.reason}): ${e.message}`;
}
