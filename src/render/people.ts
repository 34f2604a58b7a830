// The attendance lists and the signature block of a protocol.

import type { Participant, Protocol, Signature } from '../domain/model.js';
import { esc, stockholmTime, wrapText } from './format.js';
import { SV } from './texts.js';

/** "Jens Wennberg (l) Region Västerbotten, ersätter Lars Bäckström (c), närvarande under punkten 4". */
export function participantLine(p: Participant, absent: readonly Participant[]): string {
  let line = p.name;
  if (p.party) line += ` (${p.party})`;
  if (p.organization) line += p.party ? ` ${p.organization}` : `, ${p.organization}`;
  if (p.role) line += `, ${p.role}`;
  if (p.replaces) {
    // The replaced member's party only after one's own: a lone "(c)" would be read as one's own.
    const party = p.party ? absent.find((a) => a.name === p.replaces)?.party : null;
    line += `, ${SV.replaces} ${p.replaces}${party ? ` (${party})` : ''}`;
  }
  if (p.note) line += `, ${p.note}`;
  if (p.itemsFrom !== null && !/närvarande under/i.test(p.note ?? '')) line += `, ${SV.presentForItem(p.itemsFrom, p.itemsTo ?? p.itemsFrom)}`;
  return line;
}

export function attendanceHtml(p: Protocol): string {
  const lists: [string, Participant[]][] = [
    [SV.present, p.attendance.present],
    [SV.absent, p.attendance.absent],
    [SV.officials, p.attendance.officials],
  ];
  const blocks = lists
    .filter(([, people]) => people.length > 0)
    .map(([heading, people]) => {
      const lines = people.map((person) => `<p class="person">${wrapText(participantLine(person, p.attendance.absent), 'strict')}</p>`).join('\n');
      return `<section class="attendance-list"><h2 class="list-head">${esc(heading)}</h2>\n${lines}</section>`;
    });
  return blocks.length ? `<div class="attendance">${blocks.join('\n')}</div>` : '';
}

/** Who is expected to sign an unsigned protocol, from the roles the attendance records. */
function expectedSigners(p: Protocol): { secretary: string | null; chair: string | null; adjusters: string[] } {
  const everyone = [...p.attendance.present, ...p.attendance.officials];
  const withRole = (re: RegExp) => everyone.filter((x) => re.test(`${x.role ?? ''} ${x.note ?? ''}`)).map((x) => x.name);
  return {
    secretary: withRole(/\bsekreterare\b/i)[0] ?? null,
    chair: everyone.find((x) => /^ordförande$/i.test(x.role ?? ''))?.name ?? null,
    adjusters: withRole(/\bjusterare\b/i),
  };
}

function signedBlock(s: Signature): string {
  const row = (label: string, value: string) => `<tr><th>${esc(label)}</th><td>${wrapText(value, 'strict')}</td></tr>`;
  return `<table class="signed">${row(SV.signatureName, s.name)}${s.role ? row(SV.signatureRole, s.role) : ''}${s.signedAt ? row(SV.signatureTime, stockholmTime(s.signedAt)) : ''}</table>`;
}

function signatureLine(role: string, name: string | null): string {
  // "Ordförande: Carin Nilsson" under the line, always with the colon: the importer would take a
  // bare name, or two roles side by side ("Ordförande Justerare"), for a signature.
  return `<div class="sign"><div class="sign-line"></div><p>${esc(role)}:${name ? ` ${esc(name)}` : ''}</p></div>`;
}

/** Signed: each signer's name, role and time. Unsigned: lines to sign on, with the expected names. */
export function signaturesHtml(p: Protocol): string {
  if (p.signatures.length > 0) {
    return `<section class="signatures"><h2 class="sig-head">${esc(SV.signaturesHeading)}</h2>
<p>${esc(SV.signedElectronically)}</p>
${p.signatures.map(signedBlock).join('\n')}</section>`;
  }
  const who = expectedSigners(p);
  const adjusters = who.adjusters.length ? who.adjusters : [null];
  return `<section class="signatures"><h2 class="sig-head">${esc(SV.signaturesHeading)}</h2>
<p class="sig-label">${esc(SV.atTheMinutes)}</p>
<div class="sign-row">${signatureLine(SV.secretary, who.secretary)}</div>
<p class="sig-label">${esc(SV.approved)}</p>
<div class="sign-row">${signatureLine(SV.chair, who.chair)}${adjusters.map((a) => signatureLine(SV.adjuster, a)).join('')}</div>
</section>`;
}
