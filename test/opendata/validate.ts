import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { SCHEMAS_BY_TYPE } from '../../src/opendata/schemas.js';

// Every OParl object the API serves, checked twice: against the official OParl 1.1 JSON Schemas
// (test/fixtures/oparl-1.1, draft-04) and against our zod schemas (which are stricter: no property
// we did not declare). Embedded objects (a meeting's items, a person's memberships) are checked
// against the schema of their own type too.

const SCHEMA_DIR = path.resolve(import.meta.dirname, '../fixtures/oparl-1.1/schema');
const PREFIX = 'https://schema.oparl.org/1.1/';

// Strict about unknown keywords and formats, but not about types: OParl documents an external list
// as a URL string with the `items` it holds. unicodeRegExp off: the OParl patterns escape ':'
// ("https\\:"), valid ECMA-262 but not in unicode mode.
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, unicodeRegExp: false });
addFormats(ajv, ['date', 'date-time']);
// OParl's own format: an absolute URL (our objects link with http or https).
ajv.addFormat('url', { type: 'string', validate: (s: string) => /^https?:\/\//.test(s) && URL.canParse(s) });
// Documentation keywords of the OParl schemas, not constraints.
ajv.addVocabulary(['references', 'backreference', 'cardinality', 'schema']);

const official = new Map<string, ValidateFunction>();
for (const file of fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json'))) {
  official.set(`${PREFIX}${path.basename(file, '.json')}`, ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'))));
}

/** Problems with every OParl object in a response, embedded ones included; [] when all are valid. */
export function oparlProblems(value: unknown, where = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => oparlProblems(v, `${where}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const problems: string[] = [];
  const type = (value as { type?: unknown }).type;
  if (typeof type === 'string' && type.startsWith(PREFIX)) {
    const validate = official.get(type);
    if (!validate) problems.push(`${where}: no official schema for ${type}`);
    else if (!validate(value)) problems.push(`${where} (${type}) against the OParl schema: ${ajv.errorsText(validate.errors)}`);
    const zod = SCHEMAS_BY_TYPE[type];
    if (!zod) problems.push(`${where}: no zod schema for ${type}`);
    else {
      const parsed = zod.safeParse(value);
      if (!parsed.success) problems.push(`${where} (${type}) against our zod schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
  }
  for (const [k, v] of Object.entries(value)) problems.push(...oparlProblems(v, `${where}.${k}`));
  return problems;
}

/** The types whose official schemas are loaded. */
export const officialTypes = () => [...official.keys()];
