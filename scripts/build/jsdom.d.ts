// The part of jsdom's API the build uses (no @types/jsdom is installed; jsdom is a dev dependency for tests and the static chart pages).
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
    serialize(): string;
  }
}
