/**
 * Typed errors. Each failure class has a stable `code` and a documented process exit code;
 * the CLI catches them once and turns them into one line on stderr.
 */

export const ERROR_CODES = {
  /** Bad command-line usage. */
  USAGE: 2,
  /** The input could not be read (missing file, permission, I/O error). */
  UNREADABLE: 3,
  /** The input is binary (NUL bytes, PDF/ZIP/image magic), not text or HTML. */
  NOT_TEXT: 4,
  /** The input is larger than the `maxBytes` limit. */
  TOO_LARGE: 5,
  /** The input was read, but holds no article (no body paragraph found). */
  NO_ARTICLE: 1,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error newsclean reports to the user: one line, naming the input, with a stable code. */
export class NewscleanError extends Error {
  readonly code: ErrorCode;
  /** The input's name, when the error concerns one input. */
  readonly input: string | null;

  constructor(code: ErrorCode, message: string, input: string | null = null, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NewscleanError';
    this.code = code;
    this.input = input;
  }

  /** The process exit code for this error class. */
  get exitCode(): number {
    return ERROR_CODES[this.code];
  }
}
