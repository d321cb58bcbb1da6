/** The launcher's progress lines, prefixed so they stand out between pip's and Jupyter's output. */
export function step(message: string): void {
  process.stdout.write(`\n[mlquest] ${message}\n`);
}

export function fail(message: string): void {
  process.stderr.write(`\n[mlquest] ${message}\n`);
}
