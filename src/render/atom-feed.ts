// Published protocols as an Atom feed (RFC 4287), for all bodies or one: each entry links to the
// protocol's public page and its PDF — the sealed original when there is one.

import { Feed } from 'feed';
import type { FeedEntry } from '../store/queries/feeds.js';
import { swedishDay } from '../domain/anslag.js';

export interface FeedOptions {
  baseUrl: string;
  /** The feed's own path, e.g. /feeds/lsg.atom */
  selfPath: string;
  title: string;
  /** The page the feed belongs to, e.g. /organ/lsg */
  pagePath: string;
}

function entryTitle(e: FeedEntry): string {
  const body = e.meeting.bodyNameAtTheTime ?? e.meeting.bodies[0]?.name ?? '';
  return `Protokoll ${body}${e.meeting.date ? ` ${e.meeting.date}` : ''}`;
}

function entrySummary(e: FeedEntry): string {
  const parts: string[] = [];
  if (e.sealed) {
    const dev = e.sealed.developmentCertificate ? ', med utvecklingscertifikat – ej för skarp användning' : '';
    parts.push(`Justerat och förseglat ${swedishDay(e.sealed.sealedAt)} (version ${e.sealed.version}${dev}).`);
  }
  else if (e.meeting.origin === 'imported') parts.push('Arkivprotokoll, inte förseglat i Samverka.');
  if (e.anslag) parts.push(`Anslaget ${e.anslag.from}–${e.anslag.to}.`);
  if (e.items.length) parts.push(`Ärenden: ${e.items.map((i) => (i.number !== null ? `${i.number}. ${i.title}` : i.title)).join('; ')}.`);
  return parts.join(' ');
}

export function renderAtomFeed(entries: FeedEntry[], opts: FeedOptions): string {
  const { baseUrl } = opts;
  const feed = new Feed({
    id: `${baseUrl}${opts.selfPath}`,
    title: opts.title,
    link: `${baseUrl}${opts.pagePath}`,
    language: 'sv',
    updated: entries[0]?.updated ?? new Date(),
    generator: 'Samverka',
    feedLinks: { atom: `${baseUrl}${opts.selfPath}` },
    copyright: 'Allmänna handlingar',
  });
  for (const e of entries) {
    const page = `${baseUrl}/moten/${e.meeting.id}`;
    const pdf = e.sealed ? `${baseUrl}/api/meetings/${e.meeting.id}/sealed.pdf` : `${baseUrl}/api/meetings/${e.meeting.id}/protocol.pdf`;
    feed.addItem({
      // Stable per meeting: a later sealed version updates the same entry.
      id: page,
      title: entryTitle(e),
      link: page,
      date: e.updated,
      published: e.updated,
      description: entrySummary(e),
      enclosure: { url: pdf, type: 'application/pdf', title: e.sealed ? 'Förseglat protokoll (PDF)' : 'Protokoll (PDF)' },
      category: e.meeting.bodies.map((b) => ({ term: b.slug, name: b.name })),
    });
  }
  return feed.atom1();
}
