/**
 * Position encodings at the edge of the server. The core counts in UTF-16 code units (LSP's default); a
 * client that offers only UTF-8 (Helix, some Emacs and Vim clients) or only UTF-32 gets its positions in
 * that encoding: this layer sits between the transport and the connection, picks the encoding from the
 * client's `general.positionEncodings` in `initialize` (UTF-16 whenever the client accepts it), announces it
 * in the result's `capabilities.positionEncoding`, and then converts every position in both directions:
 * incoming requests and notifications (`textDocument/didChange` ranges against the text before each change),
 * outgoing results, notifications (`publishDiagnostics`) and server requests (`workspace/applyEdit`), and
 * the relative positions of semantic tokens. It keeps its own copy of each open document for that.
 *
 * With UTF-16 it is a pass-through (nothing copied, nothing kept). No Node API: used by the browser server too.
 */
import type { DataCallback, Disposable, Message, MessageReader, MessageWriter } from 'vscode-languageserver';

export type PositionEncoding = 'utf-16' | 'utf-8' | 'utf-32';

interface Pos { line: number; character: number }

/** The encoding to use for a client's `initialize` params: UTF-16 unless the client does not offer it. */
export function negotiateEncoding(params: unknown): PositionEncoding {
  const offered = (params as { capabilities?: { general?: { positionEncodings?: unknown } } } | null)?.capabilities?.general?.positionEncodings;
  if (!Array.isArray(offered) || offered.length === 0 || offered.includes('utf-16')) return 'utf-16';
  if (offered.includes('utf-8')) return 'utf-8';
  if (offered.includes('utf-32')) return 'utf-32';
  return 'utf-16';
}

/** Units of one UTF-16 code unit sequence position in the target encoding. */
function unitsOf(code: number, enc: PositionEncoding): number {
  if (enc === 'utf-32') return 1;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** One document's text with its line starts, converting character columns between UTF-16 and the client's encoding. */
export class EncodedText {
  readonly lineStarts: number[];
  // Last conversion on a line (sorted positions, such as semantic tokens, convert in linear time).
  private cLine = -1;
  private c16 = 0;
  private cEnc = 0;

  constructor(readonly text: string, readonly encoding: PositionEncoding) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  private lineEnd(line: number): number {
    return line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
  }

  /** A position in the client's encoding to a UTF-16 position (clamped to the line, never inside a character). */
  toUtf16(p: Pos): Pos {
    if (this.encoding === 'utf-16' || p.line < 0 || p.line >= this.lineStarts.length) return p;
    const target = Math.max(0, p.character);
    const [u16] = this.walkTo(p.line, (_u16, enc) => enc, target);
    return { line: p.line, character: u16 };
  }

  /** A UTF-16 position to the client's encoding. */
  fromUtf16(p: Pos): Pos {
    if (this.encoding === 'utf-16' || p.line < 0 || p.line >= this.lineStarts.length) return p;
    const target = Math.max(0, p.character);
    const [, enc] = this.walkTo(p.line, (u16) => u16, target);
    return { line: p.line, character: enc };
  }

  /**
   * Advances along the line, a whole code point at a time, while the measured coordinate (UTF-16 or the
   * client's units) stays at or below `target`; returns both coordinates of where it stopped.
   */
  private walkTo(line: number, measure: (u16: number, enc: number) => number, target: number): [number, number] {
    const start = this.lineStarts[line];
    const end = this.lineEnd(line);
    let u16 = 0, enc = 0;
    if (this.cLine === line && measure(this.c16, this.cEnc) <= target) { u16 = this.c16; enc = this.cEnc; }
    while (start + u16 < end) {
      const c = this.text.codePointAt(start + u16)!;
      const w = c > 0xffff ? 2 : 1;
      const n = unitsOf(c, this.encoding);
      if (measure(u16 + w, enc + n) > target) break;
      u16 += w;
      enc += n;
    }
    this.cLine = line; this.c16 = u16; this.cEnc = enc;
    return [u16, enc];
  }

  /** UTF-16 offset of a UTF-16 position (clamped). */
  offsetOf16(p: Pos): number {
    if (p.line < 0) return 0;
    if (p.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[p.line] + Math.max(0, p.character), this.lineEnd(p.line));
  }
}

const isPos = (v: unknown): v is Pos =>
  typeof v === 'object' && v !== null && typeof (v as Pos).line === 'number' && typeof (v as Pos).character === 'number';

/** A copy of `value` with every position converted by `conv(uri)`; `uri` changes with `uri` fields and `changes` maps. */
function mapPositions(value: unknown, uri: string | undefined, conv: (uri: string | undefined) => ((p: Pos) => Pos) | null): unknown {
  if (Array.isArray(value)) return value.map((v) => mapPositions(v, uri, conv));
  if (typeof value !== 'object' || value === null) return value;
  if (isPos(value)) {
    const f = conv(uri);
    return f ? { ...value, ...f(value) } : value;
  }
  const obj = value as Record<string, unknown>;
  let here = uri;
  if (typeof obj.uri === 'string') here = obj.uri;
  else if (typeof (obj.textDocument as { uri?: unknown } | undefined)?.uri === 'string') here = (obj.textDocument as { uri: string }).uri;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'changes' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const m: Record<string, unknown> = {};
      for (const [u, edits] of Object.entries(v)) m[u] = mapPositions(edits, u, conv);
      out[k] = m;
    } else out[k] = mapPositions(v, here, conv);
  }
  return out;
}

/** Semantic token data (relative UTF-16 positions and lengths) in the client's encoding. */
function convertTokens(data: number[], doc: EncodedText): number[] {
  const out: number[] = new Array(data.length);
  let line = 0, char16 = 0, prevLine = 0, prevChar = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    char16 = data[i] === 0 ? char16 + data[i + 1] : data[i + 1];
    const s = doc.fromUtf16({ line, character: char16 }).character;
    const e = doc.fromUtf16({ line, character: char16 + data[i + 2] }).character;
    out[i] = line - prevLine;
    out[i + 1] = line === prevLine ? s - prevChar : s;
    out[i + 2] = e - s;
    out[i + 3] = data[i + 3];
    out[i + 4] = data[i + 4];
    prevLine = line;
    prevChar = s;
  }
  return out;
}

interface Change { range?: { start: Pos; end: Pos }; text: string }

/**
 * The converting layer: wrap the transport's reader and writer, then create the connection on the wrapped
 * pair. `encoding` is known once `initialize` has been read.
 */
export class PositionEncodingLayer {
  encoding: PositionEncoding = 'utf-16';
  private docs = new Map<string, { version: number; doc: EncodedText; history: Map<number, EncodedText> }>();
  private requests = new Map<string | number, { method: string; uri?: string; doc?: EncodedText }>();
  private initializeId: string | number | undefined;

  private docAt(uri: string | undefined, version?: number | null): EncodedText | undefined {
    if (uri === undefined) return undefined;
    const d = this.docs.get(uri);
    if (!d) return undefined;
    if (typeof version === 'number' && d.history.has(version)) return d.history.get(version);
    return d.doc;
  }

  private setDoc(uri: string, version: number, text: string): void {
    const doc = new EncodedText(text, this.encoding);
    const d = this.docs.get(uri) ?? { version, doc, history: new Map() };
    d.version = version;
    d.doc = doc;
    d.history.set(version, doc);
    // diagnostics name the version they were computed for; keep a few recent ones
    while (d.history.size > 4) d.history.delete(d.history.keys().next().value as number);
    this.docs.set(uri, d);
  }

  /** Converts one incoming message (client to server); returns the message to deliver. */
  incoming(msg: Message): Message {
    const m = msg as { id?: string | number; method?: string; params?: Record<string, unknown> };
    if (m.method === 'initialize' && m.id !== undefined) {
      this.encoding = negotiateEncoding(m.params);
      this.initializeId = m.id;
      return msg;
    }
    if (this.encoding === 'utf-16' || typeof m.method !== 'string') return msg;
    const params = m.params ?? {};
    const td = params.textDocument as { uri?: string; version?: number; text?: string } | undefined;
    if (m.method === 'textDocument/didOpen' && td?.uri !== undefined) {
      this.setDoc(td.uri, td.version ?? 0, td.text ?? '');
      return msg;
    }
    if (m.method === 'textDocument/didClose' && td?.uri !== undefined) {
      this.docs.delete(td.uri);
      return msg;
    }
    if (m.method === 'textDocument/didChange' && td?.uri !== undefined) {
      let doc = this.docs.get(td.uri)?.doc;
      if (!doc) return msg;
      const changes: Change[] = [];
      for (const c of (params.contentChanges as Change[]) ?? []) {
        if (!c.range) {
          changes.push(c);
          doc = new EncodedText(c.text, this.encoding);
          continue;
        }
        const range = { start: doc.toUtf16(c.range.start), end: doc.toUtf16(c.range.end) };
        changes.push({ ...c, range });
        const s = doc.offsetOf16(range.start), e = Math.max(s, doc.offsetOf16(range.end));
        doc = new EncodedText(doc.text.slice(0, s) + c.text + doc.text.slice(e), this.encoding);
      }
      this.setDoc(td.uri, td.version ?? 0, doc.text);
      return { ...msg, params: { ...params, contentChanges: changes } } as Message;
    }
    const uri = td?.uri;
    if (m.id !== undefined) this.requests.set(m.id, { method: m.method, uri, doc: this.docAt(uri) });
    const converted = mapPositions(params, uri, (u) => {
      const d = this.docAt(u);
      return d ? (p) => d.toUtf16(p) : null;
    });
    return { ...msg, params: converted } as Message;
  }

  /** Converts one outgoing message (server to client). */
  outgoing(msg: Message): Message {
    const m = msg as { id?: string | number; method?: string; params?: Record<string, unknown>; result?: unknown; error?: unknown };
    const isResponse = m.method === undefined && m.id !== undefined;
    if (isResponse && m.id === this.initializeId && this.initializeId !== undefined) {
      this.initializeId = undefined;
      const result = m.result as { capabilities?: Record<string, unknown> } | undefined;
      if (!result?.capabilities) return msg;
      return { ...msg, result: { ...result, capabilities: { ...result.capabilities, positionEncoding: this.encoding } } } as Message;
    }
    if (this.encoding === 'utf-16') return msg;
    if (isResponse) {
      const req = this.requests.get(m.id!);
      this.requests.delete(m.id!);
      if (!req || m.result === undefined || m.result === null) return msg;
      if (req.method.startsWith('textDocument/semanticTokens/') && req.doc && Array.isArray((m.result as { data?: unknown }).data)) {
        const r = m.result as { data: number[] };
        return { ...msg, result: { ...r, data: convertTokens(r.data, req.doc) } } as Message;
      }
      const result = mapPositions(m.result, req.uri, (u) => {
        const d = u === req.uri ? req.doc ?? this.docAt(u) : this.docAt(u);
        return d ? (p) => d.fromUtf16(p) : null;
      });
      return { ...msg, result } as Message;
    }
    if (typeof m.method === 'string' && m.params) {
      const version = (m.params as { version?: number }).version;
      const params = mapPositions(m.params, undefined, (u) => {
        const d = this.docAt(u, m.method === 'textDocument/publishDiagnostics' ? version : undefined);
        return d ? (p) => d.fromUtf16(p) : null;
      });
      return { ...msg, params } as Message;
    }
    return msg;
  }

  /** A malformed message is passed on unconverted (the server answers it with an error), never dropped. */
  private safely(convert: () => Message, msg: Message): Message {
    try {
      return convert();
    } catch {
      return msg;
    }
  }

  /** The reader, converting what it delivers. */
  wrapReader(inner: MessageReader): MessageReader {
    return {
      onError: inner.onError,
      onClose: inner.onClose,
      onPartialMessage: inner.onPartialMessage,
      dispose: () => inner.dispose(),
      listen: (callback: DataCallback): Disposable => inner.listen((msg) => callback(this.safely(() => this.incoming(msg), msg))),
    };
  }

  /** The writer, converting what it sends. */
  wrapWriter(inner: MessageWriter): MessageWriter {
    return {
      onError: inner.onError,
      onClose: inner.onClose,
      dispose: () => inner.dispose(),
      end: () => inner.end(),
      write: (msg: Message) => inner.write(this.safely(() => this.outgoing(msg), msg)),
    };
  }
}
