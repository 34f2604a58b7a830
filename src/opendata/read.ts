import type { Db } from '../store/db.js';
import {
  openDataStamps, openFileIds, openItemIds, openMeetingIds, openMembershipIds, openPersonIds, type OpenFileKind,
} from '../store/queries/opendata.js';
import { loadOpenDocuments, loadOpenItems, loadOpenMeetings, loadOpenMemberships, loadOpenPeople, type OpenMeeting } from '../store/queries/opendata-load.js';
import { loadContext, type MapContext } from './context.js';
import { documentFile, renderedFile, sourceFile } from './map-files.js';
import { agendaItemObject, locationObject, meetingObject } from './map-meeting.js';
import { bodyObject, huvudmanObject, organObject, systemObject } from './map-org.js';
import { consultationObject, paperObject } from './map-paper.js';
import { membershipObject, personObject } from './map-person.js';
import { listPage, pageRequest, slicePage, type ListPage, type ListQuery } from './paging.js';
import type {
  OParlAgendaItem, OParlBody, OParlConsultation, OParlFile, OParlLocation, OParlMeeting, OParlMembership, OParlOrganization,
  OParlPaper, OParlPerson, OParlSystem,
} from './schemas.js';

// The open-data API's reads: each returns the OParl object (null: not there, or not public) or a
// page of a list. Ids come from the store's publication-aware queries, and the loaders check
// publication again, so nothing unpublished reaches a mapping.

export class OpenData {
  private constructor(
    private readonly db: Db,
    private readonly ctx: MapContext,
  ) {}

  static async open(db: Db, origin: string): Promise<OpenData> {
    return new OpenData(db, await loadContext(db, origin));
  }

  system(): OParlSystem {
    return systemObject(this.ctx);
  }

  async body(): Promise<OParlBody> {
    return bodyObject(this.ctx, await openDataStamps(this.db));
  }

  async bodies(url: string, q: ListQuery): Promise<ListPage<OParlBody>> {
    const all = [await this.body()];
    return listPage(url, q, all.length, slicePage(all, q));
  }

  // Organizations: the organs, then the huvudmän, a list small enough to filter in memory.
  private async organizations(): Promise<OParlOrganization[]> {
    const memberships = await loadOpenMemberships(this.db, { all: true });
    const organs = [...this.ctx.organs.values()].map((b) => organObject(this.ctx, b, memberships.filter((m) => m.bodyId === b.id).map((m) => m.id)));
    return [...organs, ...this.ctx.huvudman.map((h) => huvudmanObject(this.ctx, h))];
  }

  async organizationList(url: string, q: ListQuery): Promise<ListPage<OParlOrganization>> {
    const f = q.filter;
    const within = (o: OParlOrganization) =>
      (!f.createdSince || (!!o.created && o.created >= f.createdSince)) && (!f.createdUntil || (!!o.created && o.created <= f.createdUntil)) &&
      (!f.modifiedSince || (!!o.modified && o.modified >= f.modifiedSince)) && (!f.modifiedUntil || (!!o.modified && o.modified <= f.modifiedUntil));
    const all = (await this.organizations()).filter(within);
    return listPage(url, q, all.length, slicePage(all, q));
  }

  async organ(id: number): Promise<OParlOrganization | null> {
    const organ = this.ctx.organs.get(id);
    if (!organ) return null;
    const memberships = await loadOpenMemberships(this.db, { bodyId: id });
    return organObject(this.ctx, organ, memberships.map((m) => m.id));
  }

  huvudman(id: number): OParlOrganization | null {
    const h = this.ctx.huvudman.find((x) => x.id === id);
    return h ? huvudmanObject(this.ctx, h) : null;
  }

  async meetingList(url: string, q: ListQuery, organId?: number): Promise<ListPage<OParlMeeting> | null> {
    if (organId !== undefined && !this.ctx.organs.has(organId)) return null;
    const { total, ids } = await openMeetingIds(this.db, q.filter, pageRequest(q), organId);
    const meetings = await loadOpenMeetings(this.db, ids);
    return listPage(url, q, total, meetings.map((m) => meetingObject(this.ctx, m)));
  }

  async meeting(id: number): Promise<OParlMeeting | null> {
    const [m] = await loadOpenMeetings(this.db, [id]);
    return m ? meetingObject(this.ctx, m) : null;
  }

  async location(meetingId: number): Promise<OParlLocation | null> {
    const [m] = await loadOpenMeetings(this.db, [meetingId], { items: false });
    return m ? locationObject(this.ctx, m, true) : null;
  }

  async agendaItemList(url: string, q: ListQuery): Promise<ListPage<OParlAgendaItem>> {
    const { total, ids } = await openItemIds(this.db, q.filter, pageRequest(q));
    const items = await loadOpenItems(this.db, { itemIds: ids });
    return listPage(url, q, total, items.map((i) => agendaItemObject(this.ctx, i, true)));
  }

  async agendaItem(id: number): Promise<OParlAgendaItem | null> {
    const [i] = await loadOpenItems(this.db, { itemIds: [id] });
    return i ? agendaItemObject(this.ctx, i, true) : null;
  }

  private async papers(q: ListQuery) {
    const { total, ids } = await openItemIds(this.db, q.filter, pageRequest(q), true);
    return { total, items: await loadOpenItems(this.db, { itemIds: ids }) };
  }

  async paperList(url: string, q: ListQuery): Promise<ListPage<OParlPaper>> {
    const { total, items } = await this.papers(q);
    return listPage(url, q, total, items.map((i) => paperObject(this.ctx, i, false)));
  }

  async consultationList(url: string, q: ListQuery): Promise<ListPage<OParlConsultation>> {
    const { total, items } = await this.papers(q);
    return listPage(url, q, total, items.map((i) => consultationObject(this.ctx, i)));
  }

  private async paperItem(id: number) {
    const [i] = await loadOpenItems(this.db, { itemIds: [id] });
    return i?.isPaper ? i : null;
  }

  async paper(id: number): Promise<OParlPaper | null> {
    const i = await this.paperItem(id);
    return i ? paperObject(this.ctx, i, true) : null;
  }

  async consultation(id: number): Promise<OParlConsultation | null> {
    const i = await this.paperItem(id);
    return i ? consultationObject(this.ctx, i) : null;
  }

  async personList(url: string, q: ListQuery): Promise<ListPage<OParlPerson>> {
    const { total, ids } = await openPersonIds(this.db, q.filter, pageRequest(q));
    const people = await loadOpenPeople(this.db, ids);
    return listPage(url, q, total, people.map((p) => personObject(this.ctx, p)));
  }

  async person(id: number): Promise<OParlPerson | null> {
    const [p] = await loadOpenPeople(this.db, [id]);
    return p ? personObject(this.ctx, p) : null;
  }

  async membershipList(url: string, q: ListQuery): Promise<ListPage<OParlMembership>> {
    const { total, ids } = await openMembershipIds(this.db, q.filter, pageRequest(q));
    const memberships = await loadOpenMemberships(this.db, { ids });
    return listPage(url, q, total, memberships.map((m) => membershipObject(this.ctx, m)));
  }

  async membership(id: number): Promise<OParlMembership | null> {
    const [m] = await loadOpenMemberships(this.db, { ids: [id] });
    return m ? membershipObject(this.ctx, m) : null;
  }

  async fileList(url: string, q: ListQuery): Promise<ListPage<OParlFile>> {
    const { total, ids } = await openFileIds(this.db, q.filter, pageRequest(q));
    const meetingIds = ids.filter((f) => f.kind !== 'document').map((f) => f.id);
    const [meetings, documents] = await Promise.all([
      loadOpenMeetings(this.db, [...new Set(meetingIds)], { items: false }),
      loadOpenDocuments(this.db, ids.filter((f) => f.kind === 'document').map((f) => f.id)),
    ]);
    const files = ids.map((f) =>
      f.kind === 'document'
        ? this.documentObject(documents.find((d) => d.id === f.id))
        : this.meetingFile(f.kind, meetings.find((m) => m.id === f.id)),
    );
    return listPage(url, q, total, files.filter((f): f is OParlFile => f !== null));
  }

  async file(kind: OpenFileKind, id: number): Promise<OParlFile | null> {
    if (kind === 'document') return this.documentObject((await loadOpenDocuments(this.db, [id]))[0]);
    const [m] = await loadOpenMeetings(this.db, [id], { items: false });
    return this.meetingFile(kind, m);
  }

  private meetingFile(kind: Exclude<OpenFileKind, 'document'>, m: OpenMeeting | undefined): OParlFile | null {
    if (!m || m.status !== 'published') return null;
    const refs = { meeting: [this.ctx.u.meeting(m.id)] };
    if (kind === 'source') return m.sourceFile ? sourceFile(this.ctx, { ...m, sourceFile: m.sourceFile }, refs) : null;
    return renderedFile(this.ctx, kind, m, refs);
  }

  private documentObject(d: Awaited<ReturnType<typeof loadOpenDocuments>>[number] | undefined): OParlFile | null {
    if (!d) return null;
    const u = this.ctx.u;
    return documentFile(this.ctx, d, { meeting: [u.meeting(d.meetingId)], agendaItem: [u.agendaItem(d.itemId)], ...(d.isPaper ? { paper: [u.paper(d.itemId)] } : {}) });
  }
}
