// The e-mails of a decision by written procedure (beslut per capsulam): the question to each
// member, with the proposal and their own link to answer (no sign-in needed; the link is theirs
// and holds for this question only), and the outcome to the secretary. Plain text and HTML.

import { ANSWER_TEXT, formatDeadline, RULE_TEXT, type WrittenAnswer, type WrittenOutcome, type WrittenRule } from '../domain/written-procedure.js';
import type { MailMessage } from './mailer.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const att = (c: string) => (/^att\s/i.test(c.trim()) ? c.trim() : `att ${c.trim()}`);
const html = (title: string, body: string[]) =>
  [`<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>`, ...body, '</body></html>'].join('\n');
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => `<p>${escape(p.trim()).replace(/\n/g, '<br>')}</p>`).join('\n');

export interface WrittenRequest {
  to: string;
  name: string;
  bodyName: string;
  title: string;
  proposal: string;
  clauses: readonly string[];
  rule: WrittenRule;
  deadline: Date;
  documents: readonly string[]; // file names, read on the answer page
  link: string; // …/per-capsulam/svar/<token>
}

export function writtenRequestMail(r: WrittenRequest): MailMessage {
  const subject = `Beslut per capsulam: ${r.title} (svar senast ${formatDeadline(r.deadline)})`;
  const intro = `${r.bodyName} fattar ett beslut per capsulam, mellan sammanträdena. Du får frågan som ledamot.`;
  const how = `Svara ja, nej eller avstår senast ${formatDeadline(r.deadline)} genom länken nedan. Du behöver inte logga in: länken är din egen och gäller bara den här frågan. Du kan svara en gång.`;
  const rule = `Beslutsregel: ${RULE_TEXT[r.rule]}. Beslutet anmäls vid organets nästa möte.`;
  const docs = r.documents.length ? `Handlingar (på svarssidan): ${r.documents.join(', ')}` : '';
  const text = [
    `Hej ${r.name}!`, '', intro, '', `Ärende: ${r.title}`, '', 'Förslag till beslut:', r.proposal, ...(r.clauses.length ? ['', ...r.clauses.map((c) => `- ${att(c)}`)] : []), '',
    ...(docs ? [docs, ''] : []), how, '', r.link, '', rule, '', 'Länken ska inte vidarebefordras.', '',
  ].join('\n');
  return {
    to: [r.to],
    subject,
    text,
    html: html(subject, [
      `<p>Hej ${escape(r.name)}!</p><p>${escape(intro)}</p>`,
      `<h1>${escape(r.title)}</h1><h2>Förslag till beslut</h2>${paragraphs(r.proposal)}`,
      r.clauses.length ? `<ul>${r.clauses.map((c) => `<li>${escape(att(c))}</li>`).join('')}</ul>` : '',
      docs ? `<p>${escape(docs)}</p>` : '',
      `<p>${escape(how)}</p><p><a href="${escape(r.link)}">Svara på frågan</a></p>`,
      `<p>${escape(rule)}</p><p>Länken ska inte vidarebefordras.</p>`,
    ]),
  };
}

export interface WrittenOutcomeNotice {
  to: string[];
  bodyName: string;
  title: string;
  outcome: WrittenOutcome;
  reason: string;
  closedBy: 'rule' | 'deadline';
  answers: readonly { name: string; answer: WrittenAnswer | null; comment: string | null }[];
  url: string; // …/per-capsulam/<id>
}

export function writtenOutcomeMail(n: WrittenOutcomeNotice): MailMessage {
  const verdict = n.outcome === 'approved' ? 'bifallet' : 'avslaget';
  const subject = `Beslut per capsulam avgjort: ${n.title} – ${verdict}`;
  const when = n.closedBy === 'rule' ? 'Beslutsregeln avgjorde frågan innan svarstiden gick ut.' : 'Svarstiden har gått ut.';
  const lines = n.answers.map((a) => `${a.name}: ${a.answer ? ANSWER_TEXT[a.answer] : 'svarade inte'}${a.comment ? ` – ”${a.comment}”` : ''}`);
  const next = 'Beslutet erbjuds nu på organets nästa föredragningslista under ”Anmälan av beslut fattade mellan sammanträdena”.';
  return {
    to: n.to,
    subject,
    text: [`${n.bodyName}: ${n.title}`, '', `Förslaget är ${verdict}. ${n.reason}`, when, '', 'Svar:', ...lines.map((l) => `- ${l}`), '', next, '', n.url, ''].join('\n'),
    html: html(subject, [
      `<h1>${escape(n.title)}</h1><p>${escape(n.bodyName)}</p>`,
      `<p><strong>Förslaget är ${verdict}.</strong> ${escape(n.reason)}</p><p>${escape(when)}</p>`,
      `<h2>Svar</h2><ul>${lines.map((l) => `<li>${escape(l)}</li>`).join('')}</ul>`,
      `<p>${escape(next)}</p><p><a href="${escape(n.url)}">Till frågan</a></p>`,
    ]),
  };
}
