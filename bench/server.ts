/** Language-server figures through the real server over stdio: edit-to-diagnostics, hover, completion, memory. */
import { startServer } from '../test/helpers/lspClient';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Measures the server on one large article (`text`) and the memory of a second one (`largest`). */
export async function benchServer(serverPath: string, text: string, largest: string, quick: boolean) {
  const s = await startServer(serverPath, { pull: true, execArgv: ['--max-semi-space-size=32', '--expose-gc'] });
  const uri = 'file:///bench/obama.wiki';
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text } });
  await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  // Edits: insert a character at varying places; time until the diagnostics of that version are back
  // (pull diagnostics, as VS Code asks for them).
  const lines = text.split('\n');
  const edits: number[] = [];
  const n = quick ? 10 : 30;
  for (let i = 0; i < n; i++) {
    const line = Math.floor((lines.length * (i + 1)) / (n + 2));
    const t0 = performance.now();
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: i + 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
    });
    await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    edits.push(performance.now() - t0);
  }
  // Hover and completion on a citation parameter.
  const citeLine = lines.findIndex((l) => /\{\{cite (web|news)/i.test(l));
  const col = lines[citeLine].search(/\{\{cite (web|news)/i) + 4;
  const hovers: number[] = [];
  const completions: number[] = [];
  for (let i = 0; i < (quick ? 10 : 30); i++) {
    let t0 = performance.now();
    await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: citeLine, character: col } });
    hovers.push(performance.now() - t0);
    t0 = performance.now();
    await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: citeLine, character: col + 8 } });
    completions.push(performance.now() - t0);
  }
  // Memory: heap after opening the largest document versus after closing it (measured by the server itself).
  const heap = async () => (await s.connection.sendRequest('wikitext/heapUsed', {})) as number;
  const before = await heap();
  const uri2 = 'file:///bench/largest.wiki';
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri2, languageId: 'wikitext', version: 1, text: largest } });
  await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uri2 } });
  const after = await heap();
  await s.stop();
  return { editToDiagnostics: median(edits), hover: median(hovers), completion: median(completions), memoryPerDocMb: (after - before) / 1e6 };
}
