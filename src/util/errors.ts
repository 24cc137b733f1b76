/**
 * A problem the user can fix (a missing or undecodable file, a bad flag, a corrupt collection).
 * The CLI prints its message as one line and exits 2; anything else is a bug.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    /** The file or argument at fault, when there is one. */
    readonly subject?: string,
  ) {
    super(subject ? `${subject}: ${message}` : message);
  }
}

export const isUserError = (e: unknown): e is UserError => e instanceof UserError;
