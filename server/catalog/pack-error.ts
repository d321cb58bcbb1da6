/** A quest pack that cannot be used; the message names the file and the field. */
export class PackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackError';
  }
}
