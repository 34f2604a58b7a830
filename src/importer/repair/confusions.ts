// How OCR misreads Swedish letters, as the cost of reading a character back as another.
// Cheap: the misreadings seen again and again (ä→a, å→a, ö→o, ö→é, ö→6, |→I). Dearer: reading
// back a character that is itself a common letter (d, i), since that is more often right as it is.

export interface Option {
  out: string; // what the characters stand for
  cost: number;
}

export const SINGLE: Record<string, Option[]> = {
  a: [{ out: 'a', cost: 0 }, { out: 'ä', cost: 0.15 }, { out: 'å', cost: 0.15 }],
  o: [{ out: 'o', cost: 0 }, { out: 'ö', cost: 0.15 }],
  d: [{ out: 'd', cost: 0 }, { out: 'ä', cost: 0.35 }, { out: 'å', cost: 0.35 }],
  i: [{ out: 'i', cost: 0 }, { out: 'ä', cost: 0.5 }],
  é: [{ out: 'é', cost: 0 }, { out: 'ö', cost: 0.2 }, { out: 'ä', cost: 0.25 }, { out: 'e', cost: 0.4 }],
  è: [{ out: 'ö', cost: 0.25 }, { out: 'ä', cost: 0.25 }, { out: 'e', cost: 0.3 }],
  á: [{ out: 'å', cost: 0.15 }, { out: 'ä', cost: 0.2 }, { out: 'a', cost: 0.3 }],
  à: [{ out: 'å', cost: 0.2 }, { out: 'ä', cost: 0.2 }, { out: 'a', cost: 0.3 }],
  ó: [{ out: 'ö', cost: 0.15 }, { out: 'o', cost: 0.3 }],
  ò: [{ out: 'ö', cost: 0.2 }, { out: 'o', cost: 0.3 }],
  ô: [{ out: 'ö', cost: 0.2 }],
  õ: [{ out: 'ö', cost: 0.2 }],
  ë: [{ out: 'ä', cost: 0.25 }, { out: 'e', cost: 0.3 }],
  '6': [{ out: 'ö', cost: 0.2 }],
  '4': [{ out: 'ä', cost: 0.3 }],
  '&': [{ out: 'å', cost: 0.25 }],
  '|': [{ out: 'i', cost: 0.05 }, { out: 'l', cost: 0.3 }],
  '1': [{ out: 'l', cost: 0.15 }, { out: 'i', cost: 0.3 }],
  '0': [{ out: 'o', cost: 0.3 }],
};

/** Two characters standing for one letter: "foér" is "för". */
export const DOUBLE: Record<string, Option[]> = {
  oé: [{ out: 'ö', cost: 0.2 }],
  oe: [{ out: 'ö', cost: 0.6 }],
  aé: [{ out: 'ä', cost: 0.3 }],
};

/** Characters that on their own say "this was OCR'd": a repair using one is well founded. */
export const STRONG_EVIDENCE = /[é6|4&èáàóòôõë10]/;

/** Characters a repair may change. */
export const CONFUSABLE = /[adioé6|4&èáàóòôõë10]/;
