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
      name: 'content-entries-not-imported',
      severity: 'error',
      comment:
        'src/sites/<ex>/content.ts are the per-exchange content-script entry points (wxt.config.ts builds one per ' +
        'registered exchange): they compose src/content on top of their own page reader, so nothing may import them. ' +
        'This is what makes it honest to leave their own imports out of the graph (options.doNotFollow): a file ' +
        'nothing imports cannot be part of a cycle, and its src/sites -> src/content edge is the entry sitting on top.',
      from: {},
      to: { path: '^src/sites/[^/]+/content\\.ts$' },
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
    // The per-exchange content-script entries (see content-entries-not-imported): folder cycles are computed
    // per folder, so their src/sites -> src/content edge cannot be excepted in a rule; they are not followed.
    doNotFollow: { path: ['node_modules', '^src/sites/[^/]+/content\\.ts$'] },
    // Type-only imports count: a cycle through types still ties the modules together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts'] },
    exclude: { path: '^(node_modules|\\.output|\\.wxt)/' },
  },
};
