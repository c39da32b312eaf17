/** The language server with the fixture web's DNS lookup (LSP link tests). Usage: node --import tsx test/links/runServer.ts --stdio */
import { startServer } from '../../server/src/server';
import { fixtureLookup } from './fixtureLookup';

startServer(undefined, { lookup: fixtureLookup });
