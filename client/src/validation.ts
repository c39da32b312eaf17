/**
 * The client's `wikitext.enable`, `wikitext.validate`, `wikitext.run` and `wikitext.codeActionsOnSave.mode`
 * settings, as vscode-eslint has them, decided here without `vscode` (unit-tested in node).
 */

export interface ValidationSettings {
  /** `wikitext.enable`: false turns diagnostics and fixes off. */
  enable: boolean;
  /** `wikitext.validate`: language ids, or glob patterns of file paths (`**\/*.txt`), of the documents to lint. */
  validate: string[];
  /** `wikitext.run`: lint as you type, or only the saved text. */
  run: 'onType' | 'onSave';
  /** `wikitext.codeActionsOnSave.mode`: fix-all on save fixes everything fixable, or only the problems shown. */
  codeActionsOnSaveMode: 'all' | 'problems';
}

export const DEFAULT_VALIDATION: ValidationSettings = { enable: true, validate: ['wikitext'], run: 'onType', codeActionsOnSaveMode: 'all' };

/** Reads the settings from a `get(key)` over the `wikitext` section, falling back to the defaults on bad values. */
export function readValidationSettings(get: (key: string) => unknown): ValidationSettings {
  const enable = get('enable');
  const validate = get('validate');
  const run = get('run');
  const mode = get('codeActionsOnSave.mode');
  return {
    enable: typeof enable === 'boolean' ? enable : DEFAULT_VALIDATION.enable,
    validate: Array.isArray(validate) && validate.every((v) => typeof v === 'string') ? validate : DEFAULT_VALIDATION.validate,
    run: run === 'onSave' || run === 'onType' ? run : DEFAULT_VALIDATION.run,
    codeActionsOnSaveMode: mode === 'problems' || mode === 'all' ? mode : DEFAULT_VALIDATION.codeActionsOnSaveMode,
  };
}

/** A glob (`*`, `**`, `?`, `{a,b}`) as a regular expression over forward-slash paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, end).split(',').map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|') + ')';
        i = end;
      }
    } else re += c.replace(/[.+^$()|[\]\\}]/g, '\\$&');
  }
  return new RegExp(`(^|/)${re}$`);
}

/** The entries of `validate` that are patterns rather than language ids. */
export const isPattern = (entry: string) => /[*?/{.]/.test(entry);

/** Whether a document is linted: enabled, and its language id or path matches `validate`. */
export function shouldValidate(s: ValidationSettings, languageId: string, fsPath: string): boolean {
  if (!s.enable) return false;
  const p = fsPath.replace(/\\/g, '/');
  return s.validate.some((v) => (isPattern(v) ? globToRegExp(v).test(p) : v === languageId));
}

/** With `run: onSave`, diagnostics of unsaved text are held back (the last ones of saved text stay shown). */
export function showDiagnosticsNow(s: ValidationSettings, isDirty: boolean): boolean {
  return s.run === 'onType' || !isDirty;
}
