/**
 * The socket transport of the real server (`dist/server.js --socket=PORT`, which connects out to a client
 * listening on 127.0.0.1): a missing value or a port with nothing listening is a clear message and exit
 * code 2; a listening client gets an LSP session over the socket. Ports are ephemeral (port 0).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as net from 'node:net';
import { resolve } from 'node:path';
import { createMessageConnection, SocketMessageReader, SocketMessageWriter } from 'vscode-languageserver-protocol/node';

const SERVER = resolve(__dirname, '../../dist/server.js');

function runServer(args: string[]) {
  return spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8', timeout: 20_000 });
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

for (const args of [['--socket'], ['--socket='], ['--socket=abc'], ['--socket=70000']]) {
  test(`${args.join(' ')}: a usage message and exit code 2`, () => {
    const r = runServer(args);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /--socket needs a port number/);
    assert.doesNotMatch(r.stderr, /uncaught exception/);
  });
}

test('--socket=PORT with nothing listening: a message and exit code 2', async () => {
  const port = await freePort();
  const r = runServer([`--socket=${port}`]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, new RegExp(`cannot connect to 127\\.0\\.0\\.1:${port}`));
});

test('--socket=PORT connects to a listening client and serves LSP over the socket', { timeout: 30_000 }, async () => {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  const accepted = new Promise<net.Socket>((r) => srv.once('connection', r));
  const proc = spawn(process.execPath, [SERVER, `--socket=${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  try {
    const socket = await accepted;
    const conn = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    conn.listen();
    const init = (await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null })) as { serverInfo?: { name: string } };
    assert.equal(init.serverInfo?.name, 'wikitext-lint');
    conn.dispose();
    socket.destroy();
    assert.equal(await exited, 0, 'exits 0 when the client closes the connection');
  } finally {
    proc.kill();
    srv.close();
  }
});
