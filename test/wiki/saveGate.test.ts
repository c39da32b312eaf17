/**
 * The `mediawiki:` provider's save gate (client/src/wiki/saveGate.ts): one Publish asks for the summary once
 * (the provider's write during Publish's own save uses the options chosen), one ordinary Save asks once, an
 * auto save never publishes and never prompts. The sequences are the ones VS Code produces: Publish -> prompt ->
 * document.save() -> onWillSaveTextDocument(Manual) -> provider.writeFile; Ctrl+S -> onWillSave(Manual) ->
 * writeFile; files.autoSave -> onWillSave(AfterDelay | FocusOut) -> writeFile.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SaveGate, WriteDecision } from '../../client/src/wiki/saveGate';

interface Opts { summary: string }
const KEY = 'site\u0000Kazakhstan\u0000';

/** A fake editor around the gate: counts prompts, records what each provider write decided. */
function harness(answers: (string | undefined)[]) {
  const gate = new SaveGate<Opts>();
  const asked: string[] = [];
  const writes: WriteDecision<Opts>[] = [];
  const ask = async () => {
    const a = answers.shift();
    asked.push(a ?? '(cancelled)');
    return a === undefined ? undefined : { summary: a };
  };
  /** What VS Code does on a save: the will-save event, then the provider's write. */
  const save = async (reason: 1 | 2 | 3) => {
    gate.willSave(KEY, reason);
    writes.push(await gate.write(KEY, ask));
  };
  return { gate, asked, writes, ask, save };
}

test('one Publish asks once: the write of its save uses the summary chosen', async () => {
  const h = harness(['Fixed citations']);
  const r = await h.gate.publish(KEY, h.ask, () => h.save(1));
  assert.ok(r);
  assert.deepEqual(h.asked, ['Fixed citations']);
  assert.equal(h.gate.prompts, 1);
  assert.deepEqual(h.writes, [{ kind: 'publish', options: { summary: 'Fixed citations' }, asked: false }]);
});

test('one ordinary Save asks once', async () => {
  const h = harness(['by hand']);
  await h.save(1);
  assert.equal(h.gate.prompts, 1);
  assert.deepEqual(h.writes, [{ kind: 'publish', options: { summary: 'by hand' }, asked: true }]);
  // a write with no will-save event (Publish of a document that is not dirty writes directly) asks too
  const h2 = harness(['direct']);
  h2.writes.push(await h2.gate.write(KEY, h2.ask));
  assert.equal(h2.gate.prompts, 1);
  assert.equal(h2.writes[0].kind, 'publish');
});

test('Publish, then a later Save: each asks once (the pending summary is used by one write only)', async () => {
  const h = harness(['first', 'second']);
  await h.gate.publish(KEY, h.ask, () => h.save(1));
  await h.save(1);
  assert.deepEqual(h.asked, ['first', 'second']);
  assert.deepEqual(h.writes.map((w) => w.kind === 'publish' && w.options.summary), ['first', 'second']);
});

test('auto save (after delay, focus out) never prompts and never publishes', async () => {
  const h = harness(['never used']);
  await h.save(2);
  await h.save(3);
  assert.equal(h.gate.prompts, 0);
  assert.deepEqual(h.writes, [{ kind: 'auto-save' }, { kind: 'auto-save' }]);
  // Publish during a pending auto save reason still publishes with the options chosen
  const r = await h.gate.publish(KEY, h.ask, () => h.save(1));
  assert.ok(r);
  assert.equal(h.gate.prompts, 1);
  assert.equal(h.writes[2].kind, 'publish');
});

test('an auto save racing Publish\'s own save does not take its summary away', async () => {
  const h = harness(['mine']);
  // VS Code's auto save fires while the prompt is open: refused; then Publish's explicit save publishes
  await h.gate.publish(KEY, async () => { await h.save(2); return h.ask(); }, () => h.save(1));
  assert.deepEqual(h.writes.map((w) => w.kind), ['auto-save', 'publish']);
  assert.equal(h.gate.prompts, 1);
});

test('Publish cancelled at the prompt: nothing saved; Publish with given options: no prompt', async () => {
  const h = harness([undefined]);
  let saved = 0;
  assert.equal(await h.gate.publish(KEY, h.ask, async () => { saved++; }), undefined);
  assert.equal(saved, 0);
  const r = await h.gate.publish(KEY, h.ask, () => h.save(1), { summary: 'given' });
  assert.ok(r);
  assert.equal(h.gate.prompts, 1, 'only the cancelled prompt');
  assert.deepEqual(h.writes, [{ kind: 'publish', options: { summary: 'given' }, asked: false }]);
});

test('a Publish whose save never reached the provider leaves nothing pending: the next Save asks', async () => {
  const h = harness(['unused', 'asked again']);
  await h.gate.publish(KEY, h.ask, async () => undefined); // e.g. VS Code found nothing to save
  await h.save(1);
  assert.equal(h.gate.prompts, 2);
  assert.deepEqual(h.writes, [{ kind: 'publish', options: { summary: 'asked again' }, asked: true }]);
});
