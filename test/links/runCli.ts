/**
 * Runs the CLI's `main` in a child process with the fixture web's DNS lookup, so CLI tests check links
 * against the local web and nothing leaves the machine. Usage: node --import tsx test/links/runCli.ts <args...>
 */
import { main } from '../../server/src/cli/main';
import { fixtureLookup } from './fixtureLookup';

main(process.argv.slice(2), { lookup: fixtureLookup }).then((code) => { process.exitCode = code; }, (e) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e));
  process.exitCode = 2;
});
