// An esbuild plugin for the browser bundles: importing a Node built-in (`fs`, `node:path`...) fails the
// build with the importer's name, instead of a bundle that breaks at run time in VS Code for the Web.
import { builtinModules } from 'node:module';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!NODE_BUILTINS.has(args.path) && !args.path.startsWith('node:')) return undefined;
      return { errors: [{ text: `"${args.path}" is a Node module and cannot be in a browser bundle (imported by ${args.importer})` }] };
    });
  },
};
