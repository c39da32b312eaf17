/** The language server with the fixture web's DNS lookup (LSP link tests). Usage: node --import tsx test/links/runServer.ts --stdio */
import { main } from '../../server/src/main';
import { fixtureLookup } from './fixtureLookup';

main(process.argv.slice(2), fixtureLookup);
