// Decisions and assignments of one item, read from its paragraphs and bullets.
// A decision runs from its statement to the end of its paragraph ("… beslutade att … . En
// uppföljning presenteras i september." is one decision); a statement that ends in a colon or is
// followed by att-clauses takes those clauses with it ("X beslutar: • att … • att …" is one).

import type { ParsedDecision, PreviewAssignment } from '../../domain/protocol-preview.js';
import { splitSentences, type Block, type Sentence } from './blocks.js';
import { findAssignments } from './assignments.js';
import { decidingSubject, findDecisionVerb } from './statements.js';
import { fold } from './text-utils.js';

export interface ItemStatements {
  decisions: ParsedDecision[];
  assignments: PreviewAssignment[];
  /** Subjects of active decision statements, for finding the deciding body. */
  subjects: string[];
}

// Sentences that open a discussion end the decision before them.
const DISCUSSION = /^(?:synpunkt|synpunkter|en synpunkt|fragan stalldes|en fraga|fragor|dialog|diskussion|under motet diskuterades|information\b)/;
const DECISION_LABEL = /^(?:beslut|beslutet|motet beslutade|beslutades)\s*:\s*/;

function isAttClause(text: string): boolean {
  return /^att\s/i.test(text.trim());
}

function stripAtt(text: string): string {
  return text.trim().replace(/^att\s+/i, '').trim();
}

export function readStatements(blocks: readonly Block[]): ItemStatements {
  const out: ItemStatements = { decisions: [], assignments: [], subjects: [] };
  let labelledNext = false;
  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi]!;
    const folded = fold(block.text);
    // "Beslut" as a heading: the next paragraph is the decision. A proposal is not a decision.
    if (/^beslut\s*:?$/.test(folded)) {
      labelledNext = true;
      continue;
    }
    if (PROPOSAL.test(folded)) {
      bi = skipProposal(blocks, bi);
      labelledNext = false;
      continue;
    }
    const sentences = splitSentences(block.text);
    const decisionAt = sentences.map((s) => findDecisionVerb(s.text) !== null);
    if (labelledNext || DECISION_LABEL.test(folded)) {
      if (sentences.length) decisionAt[0] = true;
    }
    labelledNext = false;

    const spans: { from: number; to: number }[] = [];
    for (let i = 0; i < sentences.length; i++) {
      if (!decisionAt[i]) continue;
      let j = i + 1;
      while (j < sentences.length && !decisionAt[j] && !endsDecision(sentences[j]!)) j++;
      spans.push({ from: i, to: j - 1 });
      i = j - 1;
    }

    for (const span of spans) {
      const first = sentences[span.from]!;
      const last = sentences[span.to]!;
      const raw = block.text.slice(first.start, last.end).trim();
      // "Beslut: Nämnden godkänner …": the label is not part of the decision.
      let text = DECISION_LABEL.test(fold(raw)) ? raw.replace(/^[^:]*:\s*/, '') : raw;
      const clauses: string[] = [];
      // The statement introduces a list: "beslutar:", "beslutade att:", or att-clauses follow.
      const introducesList = /(?::|\batt)\s*$/i.test(text) && span.to === sentences.length - 1;
      let k = bi + 1;
      if (span.to === sentences.length - 1) {
        while (k < blocks.length) {
          const next = blocks[k]!;
          if (!((introducesList && next.kind === 'bullet') || isAttClause(next.text))) break;
          if (!isAttClause(next.text) && findDecisionVerb(next.text) && !introducesList) break;
          clauses.push(stripAtt(next.text));
          text = text + ' ' + next.text.trim();
          k++;
        }
      }
      if (clauses.length === 0 && findDecisionVerb(first.text)) {
        // "beslutar att godkänna uppföljningen, att uppdra åt förvaltningen att …"
        const m = /\batt\s+(.+)$/s.exec(text);
        if (m) for (const c of m[1]!.split(/[,;]\s+(?:samt\s+)?att\s+|\s+samt\s+att\s+/)) if (c.trim()) clauses.push(c.trim().replace(/[,;]$/, ''));
      }
      const decisionText = text.replace(/\s+/g, ' ').trim();
      out.decisions.push({ text: decisionText, clauses });
      const subject = decidingSubject(first.text);
      if (subject) out.subjects.push(subject);

      // Tasks inside the decision are listed as assignments too, with the decision's words.
      for (let s = span.from; s <= span.to; s++) {
        const sentence = sentences[s]!;
        for (const hit of findAssignments(sentence.text)) {
          const offset = sentence.start - first.start + hit.index;
          const assignmentText = s === span.from ? decisionText.slice(Math.max(0, offset)) : sentence.text.slice(hit.index);
          pushAssignment(out, hit.to, assignmentText || sentence.text);
        }
      }
      for (let c = bi + 1; c < k; c++) {
        for (const hit of findAssignments(blocks[c]!.text)) pushAssignment(out, hit.to, blocks[c]!.text.slice(hit.index));
      }
      bi = Math.max(bi, k - 1);
    }

    // Tasks outside decisions: each its own sentence.
    const inDecision = new Uint8Array(sentences.length);
    for (const sp of spans) inDecision.fill(1, sp.from, sp.to + 1);
    for (let i = 0; i < sentences.length; i++) {
      if (inDecision[i]) continue;
      const sentence = sentences[i]!;
      for (const hit of findAssignments(sentence.text)) pushAssignment(out, hit.to, sentence.text);
    }
  }
  return out;
}

// "Förslag till beslut", "Arbetsutskottets förslag:": what follows is proposed, not decided.
const PROPOSAL = /^(?:forslag till beslut|\S+s forslag(?: till beslut)?|forvaltningens forslag|forslag)\s*:?$/;

/** The proposal runs to the next "Beslut" heading or statement; returns the last block it covers. */
function skipProposal(blocks: readonly Block[], bi: number): number {
  let k = bi + 1;
  while (k < blocks.length && !/^beslut\b/.test(fold(blocks[k]!.text)) && !(k > bi + 1 && blocks[k - 1]!.kind === 'para' && blocks[k]!.kind === 'para' && findDecisionVerb(blocks[k]!.text))) k++;
  return k - 1;
}

function endsDecision(s: Sentence): boolean {
  const f = fold(s.text);
  return DISCUSSION.test(f) || findAssignments(s.text).length > 0;
}

function pushAssignment(out: ItemStatements, to: string, text: string): void {
  const t = text.replace(/\s+/g, ' ').trim();
  if (out.assignments.some((a) => a.to === to && a.text === t)) return;
  out.assignments.push({ to, text: t });
}
