/**
 * Bad input named by the caller (a path that does not exist, an unknown format, a revision git does not
 * know): the CLI prints it with the command's usage (exit 2), the editor shows it as a message.
 */
export class InputError extends Error {
  /**
   * @param option the option the message is about (e.g. `baseIri`), when it is one option's value: the
   * CLI names it as its flag (`--base-iri …`).
   */
  constructor(
    message: string,
    readonly option?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** A revision that names no commit. */
export class UnknownRevisionError extends InputError {}
