import type { RuleSetting, Severity } from './types';

/** A validated configuration: per-rule settings and options. */
export interface LintConfig {
  rules: Record<string, { setting: RuleSetting; options: Record<string, unknown> }>;
  /** Date format for inserted dates when the page declares none. */
  dateFormat?: 'dmy' | 'mdy' | 'iso';
}

/** A configuration problem, naming the key at fault. */
export class ConfigError extends Error {
  constructor(message: string, public key: string) {
    super(message);
  }
}

const SETTINGS = new Set(['off', 'error', 'warning', 'info', 'hint']);

/**
 * Validates a configuration object read from JSON (`.wikitext-lint.json`, `--config`, editor settings).
 * Unknown rule ids and wrong severities are errors, never ignored. Configuration is data only: nothing in it runs.
 */
export function parseConfig(value: unknown, knownRules: ReadonlySet<string>): LintConfig {
  const config: LintConfig = { rules: {} };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError('the configuration must be a JSON object', '');
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key !== 'rules' && key !== 'dateFormat' && key !== '$schema') throw new ConfigError(`unknown key "${key}" (expected "rules" or "dateFormat")`, key);
  }
  if (obj.dateFormat !== undefined) {
    if (obj.dateFormat !== 'dmy' && obj.dateFormat !== 'mdy' && obj.dateFormat !== 'iso') throw new ConfigError(`"dateFormat" must be "dmy", "mdy" or "iso", not ${JSON.stringify(obj.dateFormat)}`, 'dateFormat');
    config.dateFormat = obj.dateFormat;
  }
  if (obj.rules !== undefined) {
    if (obj.rules === null || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) throw new ConfigError('"rules" must be an object of rule id to severity', 'rules');
    for (const [id, v] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!knownRules.has(id)) throw new ConfigError(`unknown rule "${id}"`, `rules.${id}`);
      config.rules[id] = parseSetting(v, `rules.${id}`);
    }
  }
  return config;
}

/** Parses one rule setting: a severity, or `[severity, options]`. */
export function parseSetting(v: unknown, key: string): { setting: RuleSetting; options: Record<string, unknown> } {
  // `warn` is accepted as `warning`, as ESLint users write it
  if (v === 'warn') v = 'warning';
  if (Array.isArray(v) && v[0] === 'warn') v = ['warning', ...v.slice(1)];
  if (typeof v === 'string') {
    if (!SETTINGS.has(v)) throw new ConfigError(`${key}: severity must be one of off, info, warning, error, hint; got "${v}"`, key);
    return { setting: v as RuleSetting, options: {} };
  }
  if (Array.isArray(v) && v.length >= 1 && v.length <= 2 && typeof v[0] === 'string' && SETTINGS.has(v[0])) {
    const options = v[1] ?? {};
    if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new ConfigError(`${key}: options must be an object`, key);
    return { setting: v[0] as RuleSetting, options: options as Record<string, unknown> };
  }
  throw new ConfigError(`${key}: expected a severity ("off", "info", "warning", "error", "hint") or [severity, options], got ${JSON.stringify(v)}`, key);
}

/** Merges configurations, later ones winning per rule. */
export function mergeConfigs(...configs: (LintConfig | undefined)[]): LintConfig {
  const out: LintConfig = { rules: {} };
  for (const c of configs) {
    if (!c) continue;
    Object.assign(out.rules, c.rules);
    if (c.dateFormat) out.dateFormat = c.dateFormat;
  }
  return out;
}

export type { Severity };
