import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import { SYSTEM } from '../../src/domain/access.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { createRecommendation } from '../../src/store/queries/recommendations.js';
import type { Store } from '../../src/store/db.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';

export const EXPEDITION_XSD = path.resolve(import.meta.dirname, '../../src/expedition/samverka-expedition.xsd');

/**
 * A published protocol of LSG (an imported archive record is published as it is stored): § 41
 * decides a strategy, recommends it to every huvudman (deadline 2024-12-31) and gives Beredning
 * barn och unga an assignment.
 */
export async function publishedProtocol(store: Store, date: string): Promise<{ meetingId: number; itemId: number; recommendationId: number }> {
  const { meetingId } = await storeImportedProtocol(store.db, parsedProtocol({ date }), sourceOf(`LSG ${date} ${Math.random()}`));
  const decision = await store.db
    .selectFrom('decision as d')
    .innerJoin('agenda_item as i', 'i.id', 'd.item_id')
    .select(['d.id', 'i.id as item_id', 'i.meeting_id'])
    .where('i.meeting_id', '=', meetingId)
    .where('i.number', '=', 41)
    .executeTakeFirstOrThrow();
  const lsg = (await store.db.selectFrom('body').select('id').where('slug', '=', 'lsg').executeTakeFirstOrThrow()).id;
  await store.db.updateTable('assignment').set({ due_date: '2024-10-31', status: 'open' }).where('item_id', '=', decision.item_id).execute();
  const recommendationId = await createRecommendation(store.db, SYSTEM, lsg, {
    decisionId: decision.id, decidedOn: date, title: 'Regional strategi för suicidprevention', kind: 'strategi', localBody: 'fullmäktige', deadline: '2024-12-31', description: '',
  });
  return { meetingId, itemId: decision.item_id, recommendationId };
}

export const huvudmanId = async (store: Store, shortName: string) =>
  (await store.db.selectFrom('huvudman').select('id').where('short_name', '=', shortName).executeTakeFirstOrThrow()).id;

export const bodyId = async (store: Store, slug: string) => (await store.db.selectFrom('body').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

/** The attachment of a parsed mail whose name ends so. */
export function attachment(mail: ParsedMail, ending: string) {
  const found = mail.attachments.find((a) => a.filename?.endsWith(ending));
  if (!found) throw new Error(`no ${ending} attachment in "${mail.subject}": ${mail.attachments.map((a) => a.filename).join(', ')}`);
  return found;
}

/** xmllint's verdict on an XML document against the expediering schema: '' when valid, else its complaint. */
export function schemaErrors(xml: Uint8Array | string, schema = EXPEDITION_XSD): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-expedition-xml-'));
  const file = path.join(dir, 'beslut.xml');
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF, as pdftotext reads it, with whitespace made single spaces. */
export function pdfText(pdf: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' }).replace(/\s+/g, ' ');
}

export function registrationToken(mail: ParsedMail): string {
  const m = /\/expediering\/registrera\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '');
  if (!m) throw new Error(`no registration link in "${mail.subject}"`);
  return m[1]!;
}
