// What a person's name, an organisation and a job title look like in a Swedish protocol.
// Shared by the attendance lists, presenters and signatures.

import { fold } from './text-utils.js';

const NAME_PARTICLES = new Set(['von', 'af', 'de', 'van', 'der', 'den', 'la', 'le', 'di', 'da', 'du', 'el', 'al', 'bin']);

// Words that begin or make up an organisation's name, folded (no diacritics, lower case).
const ORG_WORDS = new Set([
  'kommun', 'kommuns', 'kommunen', 'region', 'regionen', 'landsting', 'landstinget', 'lansstyrelsen', 'fou',
  'forvaltning', 'forvaltningen', 'socialtjanst', 'socialtjansten', 'stad', 'staden', 'universitet',
  'hogskola', 'myndighet', 'myndigheten', 'namnd', 'namnden', 'forbund', 'forbundet', 'kommunforbund',
  'kommunforbundet', 'samordningsforbund', 'samordningsforbundet', 'sjukhus', 'halsocentral',
  'vardcentral', 'skr', 'ab', 'bolag', 'bolaget', 'polisen', 'polismyndigheten', 'forsakringskassan',
  'arbetsformedlingen', 'socialstyrelsen', 'inera', 'lan', 'lans', 'kansli', 'kansliet', 'enhet', 'enheten',
  'avdelning', 'avdelningen', 'stiftelse', 'stiftelsen', 'forening', 'foreningen', 'primarvard',
  'primarvarden', 'psykiatri', 'psykiatrin', 'habilitering', 'habiliteringen', 'bup', 'hsn', 'rf',
  'socialforvaltningen', 'socialforvaltning', 'utbildningsforvaltningen', 'omsorgsforvaltningen',
]);

// Endings of Swedish job titles, folded.
const TITLE_ENDINGS =
  /(chef|koordinator|koordinatorer|samordnare|handlaggare|sekreterare|direktor|strateg|utvecklare|ledare|utredare|ansvarig|radgivare|lakare|skoterska|specialist|controller|kommunikator|jurist|ekonom|analytiker|forvaltare|administrator|assistent|kurator|psykolog|ombud|planerare|konsult|expert|inspektor|registrator|ordforande|ledamot|ersattare|justerare|tjansteman|tjansteperson|medarbetare|representant|sakkunnig|overlakare|terapeut|pedagog|radman|namndsekreterare)$/;

/** A capitalised word that can be part of a name: "Anna-Lena", "Norén", "O'Neil", an initial "K.". */
export function isNameToken(tok: string): boolean {
  if (NAME_PARTICLES.has(tok)) return true;
  if (/^\p{Lu}\.$/u.test(tok)) return true;
  if (!/^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*$/u.test(tok)) return false;
  return !ORG_WORDS.has(fold(tok));
}

export function isOrgWord(tok: string): boolean {
  const f = fold(tok).replace(/[^\p{L}]/gu, '');
  return ORG_WORDS.has(f) || /(kommun|forvaltningen|namnden|forbundet|styrelsen|myndigheten)$/.test(f);
}

/** "Region Västerbotten", "Umeå kommun", "FoU Socialtjänst", "BUP". */
export function isOrgLike(s: string): boolean {
  const toks = s.split(/\s+/).filter(Boolean);
  if (toks.length === 0) return false;
  if (toks.some(isOrgWord)) return true;
  return toks.length <= 3 && toks.every((t) => /^\p{Lu}{2,}[\p{Lu}\d&-]*$/u.test(t));
}

/** "regional samverkanskoordinator", "socialchef", "Hjälpmedelskoordinator". */
export function isTitleLike(s: string): boolean {
  const toks = s.split(/\s+/).filter(Boolean);
  if (toks.length === 0) return false;
  if (toks.some((t) => TITLE_ENDINGS.test(fold(t).replace(/[^\p{L}]/gu, '')))) return true;
  return /^\p{Ll}/u.test(s) && !isOrgLike(s);
}

/** Decide whether a phrase after a name is the person's organisation or their job title. */
export function classifyAffiliation(s: string): 'organization' | 'title' {
  if (/^\p{Ll}/u.test(s)) return isOrgLike(s) && !isTitleLike(s) ? 'organization' : 'title';
  if (isTitleLike(s) && !isOrgLike(s)) return 'title';
  return 'organization';
}

/** Two to five name tokens: "Anna-Stina Bergström", "Inger Viklund Åberg". */
export function isPersonName(s: string, minTokens = 2): boolean {
  const toks = s.split(/\s+/).filter(Boolean);
  if (toks.length < minTokens || toks.length > 5) return false;
  if (!isNameToken(toks[0]!) || NAME_PARTICLES.has(toks[0]!)) return false;
  return toks.every(isNameToken);
}

/**
 * Split "Monica Wahlström FoU Socialtjänst" into a name and what follows. The name ends where an
 * organisation or a job title begins: at an organisation word, before "<Place> kommun", or at a
 * word in lower case.
 */
export function splitNameAndRest(s: string): { name: string; rest: string } {
  const toks = s.split(/\s+/).filter(Boolean);
  const n = toks.length;
  let k = 0;
  while (k < n && isNameToken(toks[k]!)) k++;
  if (k <= 2) return { name: toks.slice(0, k).join(' '), rest: toks.slice(k).join(' ') };
  // More than two name-like words: the last ones may begin an organisation ("Umeå kommun") or be
  // part of a three-part name ("Inger Viklund Åberg").
  for (let i = 2; i < k; i++) {
    const next = toks[i + 1];
    if (next !== undefined && /^\p{Ll}/u.test(next) && isOrgWord(next)) {
      return { name: toks.slice(0, i).join(' '), rest: toks.slice(i).join(' ') };
    }
  }
  const nameEnd = Math.min(k, 4);
  return { name: toks.slice(0, nameEnd).join(' '), rest: toks.slice(nameEnd).join(' ') };
}
