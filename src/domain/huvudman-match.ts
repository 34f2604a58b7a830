import { matchKey } from './names.js';

// Which huvudman an assignment goes to, from the receiver as the minutes write it: "Umeå kommun",
// "Umeå", "Bjurholm kommun" (for Bjurholms kommun), "Region Västerbotten", "regionen". Only one
// huvudman by its whole name: "kommunerna", "respektive huvudman" or "Umeå och Vännäs kommuner"
// are several, "Socialtjänsten i Umeå kommun" is a part of one, and neither is linked.

export interface HuvudmanName {
  id: number;
  name: string; // "Bjurholms kommun", "Region Västerbotten"
  shortName: string; // "Bjurholm", "RV"
  kind: 'region' | 'kommun';
}

/** The ways a huvudman's name is written, as match keys. */
function namesOf(h: HuvudmanName): string[] {
  const keys = [matchKey(h.name), matchKey(h.shortName)];
  if (h.kind === 'kommun') {
    const place = matchKey(h.shortName);
    // "Umeå kommun", "Bjurholms kommun" and "Bjurholm kommun", "kommunen Umeå"
    keys.push(`${place} kommun`, `${place}s kommun`, `kommunen ${place}`, `${place} kommunen`);
    const stem = matchKey(h.name).replace(/ kommun$/, '');
    keys.push(stem, stem.replace(/s$/, ''), `${stem.replace(/s$/, '')} kommun`);
  } else {
    // The region is also "regionen", and was "Västerbottens läns landsting" before 2019.
    const place = matchKey(h.name).replace(/^region /, '');
    keys.push('regionen', `region ${place}`, `${place.replace(/s$/, '')}s lans landsting`, 'landstinget');
  }
  return [...new Set(keys.filter((k) => k.length > 1))];
}

/** The one huvudman the receiver text names, or null (none, several, or ambiguous). */
export function receiverHuvudman(receiver: string, huvudmän: readonly HuvudmanName[]): number | null {
  const key = matchKey(receiver.replace(/^\s*(?:till|åt)\s+/i, ''));
  if (key === '') return null;
  const regions = huvudmän.filter((h) => h.kind === 'region');
  const matches = huvudmän.filter((h) => {
    // "regionen" names the region only where there is exactly one.
    if (h.kind === 'region' && regions.length !== 1 && (key === 'regionen' || key === 'landstinget')) return false;
    return namesOf(h).includes(key);
  });
  return matches.length === 1 ? matches[0]!.id : null;
}
