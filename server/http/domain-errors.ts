import { ERROR_CODES, type ErrorCode } from '../../contract/errors';

/**
 * Errors services throw to say what went wrong in the domain's words; the error handler maps
 * each to its HTTP status in one place.
 */
export class DomainError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidError extends DomainError {
  constructor(message: string, details?: unknown, code: ErrorCode = ERROR_CODES.validationFailed) {
    super(422, code, message, details);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to continue.', code: ErrorCode = ERROR_CODES.unauthenticated) {
    super(401, code, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have permission to do this.', code: ErrorCode = ERROR_CODES.forbidden) {
    super(403, code, message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'Not found.') {
    super(404, ERROR_CODES.notFound, message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, code: ErrorCode = ERROR_CODES.conflict) {
    super(409, code, message);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts. Try again later.',
  ) {
    super(429, ERROR_CODES.tooManyRequests, message);
  }
}
