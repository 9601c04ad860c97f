/** The emulator's clock: the real clock plus an adjustable skew, so tests move time without sleeping. */
export class SkewedClock {
  private skewMs: number

  constructor(skewMs: number) {
    this.skewMs = skewMs
  }

  setSkew(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error('clock skew must be a finite number of milliseconds')
    this.skewMs = ms
  }

  now(): number {
    return Date.now() + this.skewMs
  }
}
