/** A field that failed validation: `field` is a dotted path (`requester.niss`), `code` an i18n key. */
export type FieldError = { field: string; code: string; params?: Record<string, unknown> };

/**
 * The one error class of Relais. `code` is stable (`module.snake_case`) and doubles as the
 * i18n key of the message; the HTTP layer turns it into an RFC 9457 problem document.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (code: string, params?: Record<string, unknown>) => new AppError(code, 404, params);
export const conflict = (code: string, params?: Record<string, unknown>) => new AppError(code, 409, params);
export const invalid = (fieldErrors: FieldError[]) => new AppError('validation.failed', 400, {}, fieldErrors);
