import { rollup } from 'rollup';

/**
 * One file, `chunks/<name>-<hash>.js`, for the code every entry in `entries` loads. Rollup alone
 * splits shared code by the set of entries that use it: lit and the SDK (the console uses them
 * too), the page configuration (an entry of its own too) and the feedback operations (public
 * elements only) would be three files, each a request and each gzipped alone.
 *
 * Only Rollup knows which modules those chunks hold: it follows the bindings a module uses
 * through barrels (`export * from`), while the module's static imports, through those same
 * barrels, reach modules those entries never run (the staff endpoints), so a manualChunks
 * function that follows imports pulls them in. Instead Rollup chunks once on its own (a build
 * without minifying whose cache the real build reuses: a second or two), and exactly the modules
 * of the chunks every entry in `entries` imports become one manual chunk, with
 * `onlyExplicitManualChunks` so that nothing else joins them.
 *
 * An entry outside `entries` that loaded some of those chunks loads all of them.
 */
export function sharedChunk({ name, entries }) {
  const shared = new Set();
  return {
    name: 'shared-chunk',
    async options(options) {
      const probe = await rollup({ ...options, plugins: options.plugins.filter((p) => p?.name !== 'shared-chunk'), onLog: () => {} });
      const { output } = await probe.generate({ format: 'es' });
      const chunks = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
      const imported = (file, seen = new Set()) => {
        for (const dep of chunks.get(file).imports) if (!seen.has(dep)) imported(dep, seen.add(dep));
        return seen;
      };
      const [first, ...rest] = [...chunks.values()].filter((c) => c.isEntry && entries.includes(c.name)).map((c) => imported(c.fileName));
      if (!first) throw new Error(`shared-chunk: none of the entries ${entries} is in the build`);
      for (const file of first) if (rest.every((files) => files.has(file))) for (const id of chunks.get(file).moduleIds) shared.add(id);
      return { ...options, cache: probe.cache };
    },
    outputOptions(output) {
      return { ...output, manualChunks: (id) => (shared.has(id) ? name : undefined), onlyExplicitManualChunks: true };
    },
  };
}
