// The espeak-ng package ships no types: its default export makes an Emscripten module.
declare module 'espeak-ng' {
  const factory: (opts: Record<string, unknown>) => Promise<unknown>;
  export default factory;
}
