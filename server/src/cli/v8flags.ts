/**
 * V8 settings for a CLI run, set before any linting code is compiled (this module is the CLI's first import;
 * the flags are process-wide, so the worker threads get them too).
 *
 * A CLI run is short: the optimizing compiler's own work was half the CPU of a run over the corpus (measured
 * per thread: the main thread 1.4 s, the compiler and GC threads 1.9 s more, on two cores that they share). Less
 * inlining and a later tier-up make each optimization much cheaper while the main thread runs as fast: about
 * a quarter less CPU in all, and on two cores the compiler no longer competes with the workers. The language
 * server, which runs for hours, keeps V8's defaults. `WIKITEXT_LINT_V8_DEFAULTS=1` leaves V8's defaults (for A/B runs).
 */
import { setFlagsFromString } from 'node:v8';

export const CLI_V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=300', '--interrupt-budget=135168'];

if (!process.env.WIKITEXT_LINT_V8_DEFAULTS) for (const f of CLI_V8_FLAGS) setFlagsFromString(f);
