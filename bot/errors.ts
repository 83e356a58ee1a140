/** Stable codes for failures the service knows how to explain. */
export type AppErrorCode = 'STORE_UNAVAILABLE' | 'STATE_CONFLICT' | 'DEPENDENCY_MISSING' | 'INTERNAL';

/** An error with a code for logs and a Spanish message that is safe to show the citizen. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly userMessage?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The code to log for any thrown value; unknown errors are INTERNAL. */
export function errorCode(error: unknown): AppErrorCode {
  if (error instanceof AppError) return error.code;
  if (error instanceof Error && error.name === 'ETagConflictError') return 'STATE_CONFLICT';
  return 'INTERNAL';
}
