import type { Db } from '../store/db.js';
import { meetingStamp } from '../store/queries/meetings.js';

// Published protocols are public records that seldom change, and reading one takes a dozen queries.
// The serialised protocol is kept in memory, keyed by meeting, and served while the meeting's stamp
// (version, last change, body names) is the same. Only published protocols are cached: what a
// member reads of a draft is always read fresh, through the viewer's permissions.

const MAX_ENTRIES = 1000;

export class ProtocolCache {
  readonly #entries = new Map<number, { stamp: string; json: string }>();

  /** The cached JSON of a published protocol, or null (then read it and call remember). */
  async lookup(db: Db, id: number): Promise<{ json: string | null; stamp: string | null }> {
    const current = await meetingStamp(db, id);
    if (!current || current.status !== 'published') return { json: null, stamp: null };
    const hit = this.#entries.get(id);
    if (hit && hit.stamp === current.stamp) {
      // Map order is insertion order: re-inserting keeps the most recently used last.
      this.#entries.delete(id);
      this.#entries.set(id, hit);
      return { json: hit.json, stamp: current.stamp };
    }
    return { json: null, stamp: current.stamp };
  }

  remember(id: number, stamp: string, json: string): void {
    this.#entries.set(id, { stamp, json });
    if (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
  }
}
