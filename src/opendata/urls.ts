import type { OpenFileKind } from '../store/queries/opendata.js';

// Every URL the open-data API hands out, absolute and built from the request's origin, so that the
// same server answers correctly under whatever name it is reached. The paths are the API's
// promise: an object keeps its URL for as long as it exists.

export const OPARL_BASE = '/oparl/v1';
/** The one OParl Body: the collaboration as a whole (see docs/oparl.md). */
export const BODY_KEY = 'samverkan';

export const BODY_LISTS = ['organization', 'person', 'meeting', 'paper', 'agendaItem', 'consultation', 'file', 'membership'] as const;
export type BodyList = (typeof BODY_LISTS)[number];

export function oparlUrls(origin: string) {
  const o = `${origin}${OPARL_BASE}`;
  return {
    system: `${o}/system`,
    bodies: `${o}/body`,
    body: `${o}/body/${BODY_KEY}`,
    bodyList: (list: BodyList) => `${o}/body/${BODY_KEY}/${list}`,
    organ: (id: number) => `${o}/organization/${id}`,
    organMeetings: (id: number) => `${o}/organization/${id}/meeting`,
    huvudman: (id: number) => `${o}/huvudman/${id}`,
    person: (id: number) => `${o}/person/${id}`,
    membership: (id: number) => `${o}/membership/${id}`,
    meeting: (id: number) => `${o}/meeting/${id}`,
    location: (meetingId: number) => `${o}/location/${meetingId}`,
    agendaItem: (id: number) => `${o}/agendaItem/${id}`,
    paper: (itemId: number) => `${o}/paper/${itemId}`,
    consultation: (itemId: number) => `${o}/consultation/${itemId}`,
    file: (kind: OpenFileKind, id: number) => `${o}/file/${kind}/${id}`,
    /** Where the bytes are: Samverka's existing download routes. */
    download: {
      protocol: (meetingId: number) => `${origin}/api/meetings/${meetingId}/protocol.pdf`,
      notice: (meetingId: number) => `${origin}/api/meetings/${meetingId}/notice.pdf`,
      source: (meetingId: number) => `${origin}/api/meetings/${meetingId}/source`,
      document: (id: number) => `${origin}/api/documents/${id}`,
    },
    /** The same things as pages of the web app. */
    web: {
      home: `${origin}/`,
      meeting: (id: number) => `${origin}/moten/${id}`,
      organ: (slug: string) => `${origin}/organ/${encodeURIComponent(slug)}`,
      huvudman: (id: number) => `${origin}/huvudman/${id}`,
      case: (itemId: number) => `${origin}/arenden/${itemId}`,
    },
  };
}

export type OParlUrls = ReturnType<typeof oparlUrls>;
