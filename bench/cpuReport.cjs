// Preloaded (`node -r bench/cpuReport.cjs dist/cli.js ...`) by `npm run bench`: prints the process's CPU time
// (user + system, all threads: main and workers) on stderr at exit, so the CLI's CPU can be compared with its wall time.
process.on('exit', () => {
  const c = process.cpuUsage();
  process.stderr.write(`\nBENCH_CPU_MS ${((c.user + c.system) / 1000).toFixed(0)}\n`);
});
