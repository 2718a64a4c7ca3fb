// Import directions of the extension (issue #14 item 6), checked by `npm test` (step "dependency rules").
// Every rule is an error and there is no baseline: a violation fails the run until the import is fixed.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes both modules one unit: neither can be understood, tested or moved alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'The same between folders: a folder that imports another must not be imported back by it.',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'engine-is-self-contained',
      severity: 'error',
      comment: 'src/engine is the pure model: it imports only itself (no UI, storage, messaging or exchange code).',
      from: { path: '^src/engine/' },
      to: { pathNot: '^src/engine/', dependencyTypesNot: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'engine-no-runtime-modules',
      severity: 'error',
      comment: 'src/engine runs anywhere: no Node built-ins and no packages (browser APIs come through wxt/webext packages).',
      from: { path: '^src/engine/' },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'ui-and-engine-not-on-overlay',
      severity: 'error',
      comment: 'The overlay is one consumer of the presentation layer and the engine, never their dependency.',
      from: { path: '^src/(ui|engine)/' },
      to: { path: '^src/overlay/' },
    },
    {
      name: 'src-not-on-tests-or-scripts',
      severity: 'error',
      comment: 'Product code never depends on test or tooling code (tools/ holds the Node-only backtest and recorder).',
      from: { path: '^(src|entrypoints)/' },
      to: { path: '^(test|scripts|tools)/' },
    },
    {
      name: 'site-not-on-another-site',
      severity: 'error',
      comment: 'One folder per exchange: src/sites/<a> uses its own files and the common ones (shared, dom), never src/sites/<b>.',
      from: { path: '^src/sites/([^/]+)/' },
      to: { path: '^src/sites/[^/]+/', pathNot: ['^src/sites/$1/', '^src/sites/(shared|dom)/'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a broken build or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle through types still ties the modules together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts'] },
    exclude: { path: '^(node_modules|\\.output|\\.wxt)/' },
  },
};
