// kubectl's rendering of errors coming back from the (simulated) API server.
import { ApiError, formatKubectlError } from '../api/errors';
import { SelectorParseError } from '../store/selectors';

export function formatApiError(e: unknown): string {
  if (e instanceof ApiError) return formatKubectlError(e);
  if (e instanceof SelectorParseError) return `error: ${e.message}`;
  if (e instanceof Error) return `error: ${e.message}`;
  return `error: ${String(e)}`;
}
