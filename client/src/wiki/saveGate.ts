/**
 * Which writes of the `mediawiki:` provider publish, and with which summary: one Publish (or one explicit Save)
 * asks for the summary exactly once, and an auto save never publishes. Free of `vscode`, so it is unit-tested.
 *
 * Why this exists: a write to the provider is an edit on the wiki. VS Code reaches `writeFile` in three ways:
 *  - Publish (`wikitext.publish`) asks for the summary itself, then saves the document: the provider must use
 *    the options already chosen (a per-page pending record it consumes) instead of asking again;
 *  - an ordinary Save (Ctrl+S, "Save" on close): the provider asks once;
 *  - auto save (`files.autoSave`, which VS Code for the Web and code-server turn on by default: `afterDelay`):
 *    the provider must not publish a half-typed text, nor pop a prompt a second after each pause in typing. The
 *    write is refused with a clear message (the text stays in the editor, dirty: nothing is lost), and VS Code
 *    does not auto save a document again after a failed save until the user saves it explicitly.
 * The save reason comes from `onWillSaveTextDocument`, which VS Code fires before the write.
 */

/** A subset of `vscode.TextDocumentSaveReason`: 1 Manual, 2 AfterDelay, 3 FocusOut. */
export type SaveReason = 1 | 2 | 3;
export const SAVE_MANUAL: SaveReason = 1;

export type WriteDecision<O> =
  | { kind: 'publish'; options: O; asked: boolean }
  | { kind: 'cancelled' }
  | { kind: 'auto-save' };

export const AUTO_SAVE_MESSAGE = 'Auto save does not publish wiki pages: your text stays in the editor. Publish (or Save) when it is ready.';

export class SaveGate<O> {
  private readonly pending = new Map<string, O>();
  private readonly reasons = new Map<string, SaveReason>();
  /** How many summary prompts were shown (tests read it). */
  prompts = 0;

  /** VS Code is about to save the document of `key` (from `onWillSaveTextDocument`). */
  willSave(key: string, reason: SaveReason): void {
    this.reasons.set(key, reason);
  }

  /**
   * Publish: asks once (unless `given`), then runs `save` (which reaches the provider's write through VS Code,
   * or writes directly when the document is not dirty); the write uses these options. Returns undefined when
   * the user cancelled the prompt (nothing saved).
   */
  async publish<R>(key: string, ask: () => PromiseLike<O | undefined>, save: () => PromiseLike<R>, given?: O): Promise<{ result: R } | undefined> {
    const options = given ?? (await this.ask(ask));
    if (options === undefined) return undefined;
    this.pending.set(key, options);
    this.reasons.delete(key);
    try {
      return { result: await save() };
    } finally {
      this.pending.delete(key);
    }
  }

  /** The provider's write: what to do with it. */
  async write(key: string, ask: () => PromiseLike<O | undefined>): Promise<WriteDecision<O>> {
    const chosen = this.pending.get(key);
    const reason = this.reasons.get(key);
    this.reasons.delete(key);
    if (chosen !== undefined) {
      this.pending.delete(key); // one Publish, one write
      return { kind: 'publish', options: chosen, asked: false };
    }
    if (reason !== undefined && reason !== SAVE_MANUAL) return { kind: 'auto-save' };
    const options = await this.ask(ask);
    return options === undefined ? { kind: 'cancelled' } : { kind: 'publish', options, asked: true };
  }

  private async ask(ask: () => PromiseLike<O | undefined>): Promise<O | undefined> {
    this.prompts++;
    return ask();
  }
}
