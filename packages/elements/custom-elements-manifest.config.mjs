// Generates custom-elements.json from the class JSDoc (@summary, @csspart, @cssproperty,
// @event, @slot), so editors' tooling and the docs read the same public API as the code.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*-testing.ts', 'src/generated/**', 'src/civicloop.ts', 'src/registry.ts', 'src/kit/testing/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
