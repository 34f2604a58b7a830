// The e-mails of justering: the protocol is out for the signatories to read and sign, and a
// signatory's comment has come back to the secretary. Plain text with the link to the justering
// page; the protocol itself is read there (it is not public yet, so it is not attached).

import type { Mailer, SentMail } from './mailer.js';

export interface JusteringMailContext {
  bodyName: string;
  date: string | null; // 2024-02-23
  version: number;
  url: string; // …/moten/:id/justering
}

const meetingWords = (m: JusteringMailContext) => `${m.bodyName}${m.date ? ` ${m.date}` : ''}`;

/** One message per signatory, so that no one sees the others' addresses. */
export async function sendJusteringRequest(mailer: Mailer, to: string[], m: JusteringMailContext): Promise<SentMail[]> {
  const sent: SentMail[] = [];
  for (const address of to) {
    sent.push(
      await mailer.send({
        to: [address],
        subject: `Protokoll för justering: ${meetingWords(m)}`,
        text: [
          `Protokollet från ${meetingWords(m)} (version ${m.version}) är klart för justering.`,
          '',
          'Läs det och godkänn eller kommentera det. När du är nöjd undertecknar du det; du loggar in på nytt när du undertecknar.',
          'Undertecknarna kan skriva under i vilken ordning som helst. När alla har undertecknat förseglas och publiceras protokollet.',
          '',
          m.url,
        ].join('\n'),
      }),
    );
  }
  return sent;
}

export async function sendJusteringComment(mailer: Mailer, to: string[], m: JusteringMailContext & { author: string; text: string }): Promise<SentMail | null> {
  if (to.length === 0) return null;
  return mailer.send({
    to,
    subject: `Kommentar i justeringen: ${meetingWords(m)}`,
    text: [`${m.author} har kommenterat protokollet från ${meetingWords(m)} (version ${m.version}):`, '', m.text, '', m.url].join('\n'),
  });
}
