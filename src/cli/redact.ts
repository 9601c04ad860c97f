/**
 * Defence in depth for stderr: the core never puts a secret in a message, but every secret
 * the CLI handles (key material, channel secret, tokens) is registered here and replaced
 * with *** in anything written to stderr, should some message ever carry one.
 */
export class Redactor {
  private readonly secrets = new Set<string>()

  /** Very short values are not secrets worth hiding and would garble unrelated text. */
  static readonly MIN_LENGTH = 8

  add(value: string | undefined): void {
    const trimmed = value?.trim()
    if (trimmed && trimmed.length >= Redactor.MIN_LENGTH) this.secrets.add(trimmed)
  }

  addAll(values: readonly string[]): void {
    for (const value of values) this.add(value)
  }

  redact(text: string): string {
    let result = text
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) result = result.split(secret).join('***')
    return result
  }
}
