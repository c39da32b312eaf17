import type { Rule, RuleOption, RuleSetting, Severity } from './types';
import { ruleById } from '../rules';
import { parseLinkSettings, type LinkSettings } from '../links/settings';

/** A validated configuration: per-rule settings and options. */
export interface LintConfig {
  rules: Record<string, { setting: RuleSetting; options: Record<string, unknown> }>;
  /** Date format for inserted dates when the page declares none. */
  dateFormat?: 'dmy' | 'mdy' | 'iso';
  /** The wiki whose syntax profile applies (`en.wikipedia.org`, `dewiki`, an api.php URL). */
  site?: string;
  /** A citation profile file (JSON) for the wiki of these files; the file reader makes it absolute. */
  profile?: string;
  /** The `"links"` object: link checker services and limits (used only when links are checked). */
  links?: Partial<LinkSettings>;
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
    if (key !== 'rules' && key !== 'dateFormat' && key !== 'site' && key !== 'profile' && key !== 'links' && key !== '$schema') throw new ConfigError(`unknown key "${key}" (expected "rules", "dateFormat", "site", "profile" or "links")`, key);
  }
  if (obj.profile !== undefined) {
    if (typeof obj.profile !== 'string' || !obj.profile.trim()) throw new ConfigError('"profile" must be the path of a citation profile JSON file', 'profile');
    config.profile = obj.profile.trim();
  }
  if (obj.site !== undefined) {
    if (typeof obj.site !== 'string' || !obj.site.trim()) throw new ConfigError('"site" must be a wiki: a host like "de.wikipedia.org", a shorthand like "dewiki", or an api.php URL', 'site');
    config.site = obj.site.trim();
  }
  if (obj.links !== undefined) {
    try {
      config.links = parseLinkSettings(obj.links);
    } catch (e) {
      throw new ConfigError((e as Error).message, 'links');
    }
  }
  if (obj.dateFormat !== undefined) {
    if (obj.dateFormat !== 'dmy' && obj.dateFormat !== 'mdy' && obj.dateFormat !== 'iso') throw new ConfigError(`"dateFormat" must be "dmy", "mdy" or "iso", not ${JSON.stringify(obj.dateFormat)}`, 'dateFormat');
    config.dateFormat = obj.dateFormat;
  }
  if (obj.rules !== undefined) {
    if (obj.rules === null || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) throw new ConfigError('"rules" must be an object of rule id to severity', 'rules');
    for (const [id, v] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!knownRules.has(id)) throw new ConfigError(`unknown rule "${id}"`, `rules.${id}`);
      config.rules[id] = parseSetting(v, `rules.${id}`, id);
    }
  }
  return config;
}

/**
 * Parses one rule setting: a severity, or `[severity, options]`. With the rule's id, the options are checked
 * against the rule's declared options: an unknown key or a value of the wrong type is an error naming the key.
 */
export function parseSetting(v: unknown, key: string, id?: string): { setting: RuleSetting; options: Record<string, unknown> } {
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
    const rule = id === undefined ? undefined : ruleById.get(id);
    if (rule) checkOptions(rule, options as Record<string, unknown>, key);
    return { setting: v[0] as RuleSetting, options: options as Record<string, unknown> };
  }
  throw new ConfigError(`${key}: expected a severity ("off", "info", "warning", "error", "hint") or [severity, options], got ${JSON.stringify(v)}`, key);
}

/** Checks options against the rule's declared ones (`Rule.options`); throws a ConfigError naming the key. */
export function checkOptions(rule: Rule, options: Record<string, unknown>, key: string): void {
  const declared = rule.options ?? {};
  const names = Object.keys(declared);
  for (const [name, value] of Object.entries(options)) {
    const option = Object.hasOwn(declared, name) ? declared[name] : undefined;
    if (!option) {
      const expected = names.length ? `expected ${names.map((n) => `"${n}"`).join(', ')}` : 'it takes no options';
      throw new ConfigError(`${key}: unknown option "${name}" of rule ${rule.id} (${expected})`, `${key}.${name}`);
    }
    if (!hasType(value, option)) throw new ConfigError(`${key}: option "${name}" must be ${typeName(option)}, got ${JSON.stringify(value)}`, `${key}.${name}`);
  }
}

function hasType(value: unknown, option: RuleOption): boolean {
  switch (option.type) {
    case 'boolean': return typeof value === 'boolean';
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'string[]': return Array.isArray(value) && value.every((x) => typeof x === 'string');
  }
}

function typeName(option: RuleOption): string {
  return option.type === 'string[]' ? 'a list of strings' : `a ${option.type}`;
}

/** Merges configurations, later ones winning per rule. */
export function mergeConfigs(...configs: (LintConfig | undefined)[]): LintConfig {
  const out: LintConfig = { rules: {} };
  for (const c of configs) {
    if (!c) continue;
    Object.assign(out.rules, c.rules);
    if (c.dateFormat) out.dateFormat = c.dateFormat;
    if (c.site) out.site = c.site;
    if (c.profile) out.profile = c.profile;
    if (c.links) out.links = { ...out.links, ...c.links };
  }
  return out;
}

export type { Severity };
