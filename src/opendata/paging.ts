import { z } from 'zod';
import type { PageRequest, TimeFilter } from '../store/queries/opendata.js';

// OParl's external object lists: pages of `data` with `pagination` and `links`, in a stable order
// (by id), filtered by created_since/created_until/modified_since/modified_until (which a server must
// support on every list). `limit` (or OParl's `elementsPerPage`) asks for a page size; above the
// largest we serve, the client gets the largest, as the spec allows.

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** A date-time as OParl writes it. A `+` that reached us unencoded arrives as a space: put it back. */
const DateTimeParam = z
  .string()
  .max(40)
  .transform((s) => s.replace(/ (\d{2}:?\d{2})$/, '+$1'))
  .pipe(z.iso.datetime({ offset: true, local: false }))
  .transform((s) => new Date(s).toISOString());

const Size = z.coerce.number().int().min(1).max(1_000_000).transform((n) => Math.min(n, MAX_PAGE_SIZE));

export const ListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  limit: Size.optional(),
  elementsPerPage: Size.optional(),
  created_since: DateTimeParam.optional(),
  created_until: DateTimeParam.optional(),
  modified_since: DateTimeParam.optional(),
  modified_until: DateTimeParam.optional(),
});

export interface ListQuery {
  page: number;
  size: number;
  filter: TimeFilter;
}

export function toListQuery(q: z.infer<typeof ListQuerySchema>): ListQuery {
  return {
    page: q.page,
    size: q.limit ?? q.elementsPerPage ?? DEFAULT_PAGE_SIZE,
    filter: { createdSince: q.created_since, createdUntil: q.created_until, modifiedSince: q.modified_since, modifiedUntil: q.modified_until },
  };
}

export const pageRequest = (q: ListQuery): PageRequest => ({ offset: (q.page - 1) * q.size, limit: q.size });

export interface ListPage<T> {
  data: T[];
  pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number };
  links: { first: string; prev?: string; self: string; next?: string; last: string };
}

/** The page as OParl lists it; `url` is this request's absolute URL, whose other parameters (filters) every link keeps. */
export function listPage<T>(url: string, q: ListQuery, total: number, data: T[]): ListPage<T> {
  const totalPages = Math.max(1, Math.ceil(total / q.size));
  const at = (page: number) => {
    const u = new URL(url);
    u.searchParams.set('page', String(page));
    return u.toString();
  };
  return {
    data,
    pagination: { totalElements: total, elementsPerPage: q.size, currentPage: q.page, totalPages },
    links: {
      first: at(1),
      ...(q.page > 1 ? { prev: at(Math.min(q.page - 1, totalPages)) } : {}),
      self: at(q.page),
      ...(q.page < totalPages ? { next: at(q.page + 1) } : {}),
      last: at(totalPages),
    },
  };
}

/** One page of a list that is small enough to hold whole (organisations). */
export function slicePage<T>(all: T[], q: ListQuery): T[] {
  const { offset, limit } = pageRequest(q);
  return all.slice(offset, offset + limit);
}
