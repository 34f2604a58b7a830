import { sql, type Kysely } from 'kysely';

// Search: one denormalised row per searchable unit in search_doc (agenda item, decision,
// assignment, person, body, attached document), kept up to date by triggers in the same
// transaction as the write, so that every write path (the importer, editing, publishing, later
// ones) is covered without calling anything. See src/store/queries/search.ts for how it is queried.
//
// How the triggers work: a change to a meeting or any of its parts marks the meeting stale
// (search_stale, one row per meeting and transaction); a deferred constraint trigger on
// search_stale then rebuilds that meeting's documents once, at commit, from the final state —
// a protocol written item by item is indexed once, not once per row. Person and body documents
// are rebuilt by immediate triggers on their own tables.
//
// Text is folded and stemmed by one configuration, samverka_sv: unaccent (a filtering
// dictionary, so "hälsa" and the OCR-damaged "halsa" give the same lexeme) then the Swedish
// Snowball stemmer ("beslutade" → "beslut"). search_word holds every distinct lexeme with a
// trigram index: the dictionary that misspelt and OCR-damaged query words are corrected against,
// and where compound and inflected variants of a long word are found.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create text search configuration samverka_sv (copy = swedish);
alter text search configuration samverka_sv
  alter mapping for asciiword, word, hword, hword_part, asciihword, hword_asciipart with unaccent, swedish_stem;

create table search_doc (
  id bigserial primary key,
  type text not null check (type in ('item', 'decision', 'assignment', 'person', 'body', 'document')),
  ref_id int not null,                        -- id in the unit's own table (document: the meeting)
  meeting_id int,
  item_id int,
  status text not null,                       -- the meeting's status; person/body: 'published' when public
  body_ids int[] not null default '{}',       -- the meeting's bodies, primary first
  meeting_date date,
  year int,
  item_kind text,
  has_decision boolean not null default false,
  has_assignment boolean not null default false,
  huvudman_ids int[] not null default '{}',   -- named in the text, or given an assignment
  person_ids int[] not null default '{}',     -- took part in the meeting (attendance, presenters, signatures)
  title_tsv tsvector not null default ''::tsvector,
  tsv tsvector not null
);
create unique index search_doc_ref on search_doc (type, ref_id);
create index search_doc_meeting on search_doc (meeting_id);
create index search_doc_tsv on search_doc using gin (tsv);
create index search_doc_title_tsv on search_doc using gin (title_tsv);
create index search_doc_date on search_doc (meeting_date desc nulls last, id desc);
-- body_ids, person_ids and huvudman_ids are checked on the rows the text match yields; GIN
-- indexes on them would cost every write more than they save a search

create table search_word (word text primary key);
create index search_word_trgm on search_word using gin (word gin_trgm_ops);
create index search_word_prefix on search_word (word text_pattern_ops);

create table search_stale (meeting_id int primary key);

-- which huvudmän a text names: the region by its full name, a municipality by its short name
create function search_mentions(t tsvector, ids int[], qs tsquery[]) returns int[]
language plpgsql immutable parallel safe as $$
declare
  r int[] := '{}';
begin
  for k in 1 .. coalesce(array_length(ids, 1), 0) loop
    if t @@ qs[k] then r := r || ids[k]; end if;
  end loop;
  return r;
end
$$;

create function search_int_union(a int[], b int[]) returns int[]
language plpgsql immutable parallel safe as $$
begin
  if b is null or cardinality(b) = 0 then return coalesce(a, '{}'); end if;
  return array(select distinct x from unnest(a || b) x where x is not null order by x);
end
$$;

-- Rebuilds the documents of these meetings from what is stored, set-based: at a commit that wrote
-- a hundred protocols it runs once, not a hundred times.
create function search_refresh_meetings(mids int[]) returns void language plpgsql as $$
declare
  r record;
  v_hid int[];
  v_hq tsquery[];
begin
  delete from search_doc where meeting_id = any(mids);
  select coalesce(array_agg(id order by id), '{}'),
         coalesce(array_agg(phraseto_tsquery('samverka_sv', case when kind = 'region' then name else short_name end) order by id), '{}')
    into v_hid, v_hq from huvudman;

  with m as (
    select mt.id, mt.status, mt.meeting_date,
           coalesce((select array_agg(mb.body_id order by not mb.is_primary, mb.body_id) from meeting_body mb where mb.meeting_id = mt.id), '{}') as bodies,
           coalesce((select array_agg(distinct pid order by pid) from (
             select a.person_id pid from attendance a where a.meeting_id = mt.id and a.person_id is not null and a.list <> 'absent'
             union all select sg.person_id from signature sg where sg.meeting_id = mt.id and sg.person_id is not null
             union all select p.person_id from item_presenter p join agenda_item i on i.id = p.item_id where i.meeting_id = mt.id and p.person_id is not null
           ) s), '{}') as people
    from meeting mt where mt.id = any(mids)
  )
  insert into search_doc (type, ref_id, meeting_id, item_id, status, body_ids, meeting_date, year, item_kind,
                          has_decision, has_assignment, huvudman_ids, person_ids, title_tsv, tsv)
  select 'item', x.id, m.id, x.id, m.status, m.bodies, m.meeting_date, extract(year from m.meeting_date)::int, x.kind,
         x.has_dec, x.has_ass, search_int_union(search_mentions(x.tsv, v_hid, v_hq), x.ass_huv), m.people, x.ttsv, x.tsv
  from m
  cross join lateral (
    select i.id, i.kind, y.ttsv,
           y.ttsv || setweight(to_tsvector('samverka_sv', concat_ws(' ', i.text, i.proposal,
             (select string_agg(concat_ws(' ', p.name, p.title), ' ' order by p.position) from item_presenter p where p.item_id = i.id),
             (select string_agg(concat_ws(' ', sp->>'label', sp->>'title'), ' ') from jsonb_array_elements(i.sub_points) sp))), 'C') as tsv,
           exists (select 1 from decision d where d.item_id = i.id) as has_dec,
           exists (select 1 from assignment a where a.item_id = i.id) as has_ass,
           coalesce((select array_agg(a.to_huvudman_id) from assignment a where a.item_id = i.id and a.to_huvudman_id is not null), '{}') as ass_huv
    from agenda_item i
    cross join lateral (select setweight(to_tsvector('samverka_sv', i.title), 'A') as ttsv) y
    where i.meeting_id = m.id
  ) x;

  insert into search_doc (type, ref_id, meeting_id, item_id, status, body_ids, meeting_date, year, item_kind,
                          has_decision, has_assignment, huvudman_ids, person_ids, tsv)
  select 'decision', d.id, it.meeting_id, d.item_id, it.status, it.body_ids, it.meeting_date, it.year, it.item_kind,
         it.has_decision, it.has_assignment, search_int_union(search_mentions(d.tsv, v_hid, v_hq), it.huvudman_ids), it.person_ids, d.tsv
  from (select d.id, d.item_id, setweight(to_tsvector('samverka_sv', d.text), 'B') as tsv
        from decision d join agenda_item i on i.id = d.item_id where i.meeting_id = any(mids)) d
  -- lateral, so that the item's document is looked up by index whatever the statistics say
  cross join lateral (select * from search_doc it where it.type = 'item' and it.ref_id = d.item_id limit 1) it;

  insert into search_doc (type, ref_id, meeting_id, item_id, status, body_ids, meeting_date, year, item_kind,
                          has_decision, has_assignment, huvudman_ids, person_ids, tsv)
  select 'assignment', a.id, it.meeting_id, a.item_id, it.status, it.body_ids, it.meeting_date, it.year, it.item_kind,
         it.has_decision, it.has_assignment,
         search_int_union(search_mentions(a.tsv, v_hid, v_hq), case when a.to_huvudman_id is null then it.huvudman_ids else it.huvudman_ids || a.to_huvudman_id end),
         search_int_union(it.person_ids, case when a.to_person_id is null then '{}'::int[] else array[a.to_person_id] end), a.tsv
  from (select a.id, a.item_id, a.to_huvudman_id, a.to_person_id, setweight(to_tsvector('samverka_sv', a.to_text || ' ' || a.task), 'B') as tsv
        from assignment a join agenda_item i on i.id = a.item_id where i.meeting_id = any(mids)) a
  cross join lateral (select * from search_doc it where it.type = 'item' and it.ref_id = a.item_id limit 1) it;

  insert into search_doc (type, ref_id, meeting_id, status, body_ids, meeting_date, year, huvudman_ids, person_ids, tsv)
  select 'document', mt.id, mt.id, mt.status,
         coalesce((select array_agg(mb.body_id order by not mb.is_primary, mb.body_id) from meeting_body mb where mb.meeting_id = mt.id), '{}'),
         mt.meeting_date, extract(year from mt.meeting_date)::int, search_mentions(t.tsv, v_hid, v_hq),
         coalesce((select array_agg(distinct a.person_id order by a.person_id) from attendance a where a.meeting_id = mt.id and a.person_id is not null and a.list <> 'absent'), '{}'),
         t.tsv
  from meeting mt
  join source_file f on f.id = mt.source_file_id
  cross join lateral (select setweight(to_tsvector('samverka_sv', f.filename), 'A') || setweight(to_tsvector('samverka_sv', coalesce(f.text_content, '')), 'C') as tsv) t
  where mt.id = any(mids);

  -- (offset 0 keeps the type test out of the index scan: type = 'item' is half the table)
  insert into search_word (word)
  select distinct w from (select d.type, d.tsv from search_doc d where d.meeting_id = any(mids) offset 0) d, unnest(tsvector_to_array(d.tsv)) w
  where d.type = 'item' and length(w) between 3 and 60 and w !~ '[0-9_]'
  on conflict do nothing;

  -- The people a published protocol names (the absent and the replaced too) are public from then
  -- on; members of its bodies see them before. One indexed update per person, whatever the
  -- planner's statistics say (on PGlite they are as old as the last ANALYZE).
  for r in
    select x.pid, array_agg(distinct mb.body_id) as bodies, bool_or(mt.status = 'published') as published
    from (
      select a.meeting_id, unnest(array[a.person_id, a.replaces_person_id]) as pid from attendance a where a.meeting_id = any(mids)
      union all select sg.meeting_id, sg.person_id from signature sg where sg.meeting_id = any(mids)
      union all select i.meeting_id, p.person_id from item_presenter p join agenda_item i on i.id = p.item_id where i.meeting_id = any(mids)
    ) x
    join meeting mt on mt.id = x.meeting_id
    join meeting_body mb on mb.meeting_id = x.meeting_id
    where x.pid is not null
    group by x.pid
  loop
    update search_doc p
    set status = case when r.published then 'published' else p.status end,
        body_ids = search_int_union(p.body_ids, r.bodies)
    where p.type = 'person' and p.ref_id = r.pid
      and ((r.published and p.status <> 'published') or not p.body_ids @> r.bodies);
  end loop;
end
$$;

create function search_refresh_meeting(mid int) returns void language sql as $$
  select search_refresh_meetings(array[mid])
$$;

-- A person's document. Where the person appears, and whether in a published protocol, is learnt by
-- the meetings' rebuilds and kept here: a person named in thousands of protocols is not re-read.
create function search_refresh_person(pid int) returns void language plpgsql as $$
declare
  old_status text;
  old_bodies int[];
begin
  select status, body_ids into old_status, old_bodies from search_doc where type = 'person' and ref_id = pid;
  delete from search_doc where type = 'person' and ref_id = pid;
  insert into search_doc (type, ref_id, status, body_ids, huvudman_ids, person_ids, title_tsv, tsv)
  select 'person', p.id,
         case when old_status = 'published'
                or exists (select 1 from membership ms where ms.person_id = p.id)
                or exists (select 1 from attendance a join meeting mt on mt.id = a.meeting_id where a.person_id = p.id and mt.status = 'published')
              then 'published' else 'draft' end,
         search_int_union(coalesce(old_bodies, '{}'), coalesce((select array_agg(ms.body_id) from membership ms where ms.person_id = p.id), '{}')),
         case when p.huvudman_id is null then '{}'::int[] else array[p.huvudman_id] end,
         array[p.id],
         setweight(to_tsvector('samverka_sv', p.name), 'A'),
         setweight(to_tsvector('samverka_sv', p.name), 'A') || setweight(to_tsvector('samverka_sv', concat_ws(' ', p.title, p.organization, p.party)), 'C')
  from person p where p.id = pid;
  insert into search_word (word)
  select distinct w from search_doc d, unnest(tsvector_to_array(d.tsv)) w
  where d.type = 'person' and d.ref_id = pid and length(w) between 3 and 60 and w !~ '[0-9_]'
  on conflict do nothing;
end
$$;

create function search_refresh_body(bid int) returns void language plpgsql as $$
begin
  delete from search_doc where type = 'body' and ref_id = bid;
  insert into search_doc (type, ref_id, status, body_ids, title_tsv, tsv)
  select 'body', b.id, 'published', array[b.id], n.tsv, n.tsv || setweight(to_tsvector('samverka_sv', b.kind), 'C')
  from body b
  cross join lateral (select setweight(to_tsvector('samverka_sv', concat_ws(' ', b.short_name, string_agg(bn.name, ' '))), 'A') as tsv
                      from body_name bn where bn.body_id = b.id) n
  where b.id = bid;
  insert into search_word (word)
  select distinct w from search_doc d, unnest(tsvector_to_array(d.tsv)) w
  where d.type = 'body' and d.ref_id = bid and length(w) between 3 and 60 and w !~ '[0-9_]'
  on conflict do nothing;
end
$$;

-- marking: one row per meeting and transaction; the deferred trigger below does the work at commit
create function search_mark(mid int) returns void language plpgsql as $$
begin
  -- looking first is much cheaper than letting the insert find the conflict (60 rows a protocol)
  if mid is not null and not exists (select 1 from search_stale where meeting_id = mid) then
    insert into search_stale (meeting_id) values (mid) on conflict do nothing;
  end if;
end
$$;

create function search_stale_process() returns trigger language plpgsql as $$
declare
  ids int[];
begin
  -- The first of the transaction's deferred events rebuilds every meeting it marked; the rest
  -- find nothing left to do. (Rows of other transactions are not visible here until they commit,
  -- and each transaction empties its own before committing.)
  if not exists (select 1 from search_stale where meeting_id = new.meeting_id) then
    return null; -- done by an earlier event of this transaction
  end if;
  with done as (delete from search_stale returning meeting_id) select array_agg(meeting_id) into ids from done;
  if ids is not null then
    perform search_refresh_meetings(ids);
  end if;
  return null;
end
$$;
create constraint trigger search_stale_refresh after insert on search_stale
  deferrable initially deferred for each row execute function search_stale_process();

create function search_touch_by_meeting() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then perform search_mark(old.meeting_id); end if;
  if tg_op in ('INSERT', 'UPDATE') then perform search_mark(new.meeting_id); end if;
  return null;
end
$$;

create function search_touch_by_item() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.item_id is not null then
    perform search_mark((select meeting_id from agenda_item where id = old.item_id));
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.item_id is not null then
    perform search_mark((select meeting_id from agenda_item where id = new.item_id));
  end if;
  return null;
end
$$;

create function search_touch_meeting() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then perform search_mark(old.id); else perform search_mark(new.id); end if;
  return null;
end
$$;

create function search_touch_source_file() returns trigger language plpgsql as $$
begin
  perform search_mark(m.id) from meeting m where m.source_file_id = new.id;
  return null;
end
$$;

create function search_touch_person() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    delete from search_doc where type = 'person' and ref_id = old.id;
  else
    perform search_refresh_person(new.id);
  end if;
  return null;
end
$$;

create function search_touch_membership() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then perform search_refresh_person(old.person_id); end if;
  if tg_op in ('INSERT', 'UPDATE') then perform search_refresh_person(new.person_id); end if;
  return null;
end
$$;

create function search_touch_body() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'body' then
    if tg_op = 'DELETE' then delete from search_doc where type = 'body' and ref_id = old.id; else perform search_refresh_body(new.id); end if;
  else
    if tg_op in ('UPDATE', 'DELETE') then perform search_refresh_body(old.body_id); end if;
    if tg_op in ('INSERT', 'UPDATE') then perform search_refresh_body(new.body_id); end if;
  end if;
  return null;
end
$$;

create trigger search_touch after insert or update or delete on meeting for each row execute function search_touch_meeting();
create trigger search_touch after insert or update or delete on meeting_body for each row execute function search_touch_by_meeting();
create trigger search_touch after insert or update or delete on agenda_item for each row execute function search_touch_by_meeting();
create trigger search_touch after insert or update or delete on attendance for each row execute function search_touch_by_meeting();
create trigger search_touch after insert or update or delete on signature for each row execute function search_touch_by_meeting();
create trigger search_touch after insert or update or delete on decision for each row execute function search_touch_by_item();
create trigger search_touch after insert or update or delete on assignment for each row execute function search_touch_by_item();
create trigger search_touch after insert or update or delete on item_presenter for each row execute function search_touch_by_item();
create trigger search_touch after update of text_content, filename on source_file for each row execute function search_touch_source_file();
create trigger search_touch after insert or update or delete on person for each row execute function search_touch_person();
create trigger search_touch after insert or update or delete on membership for each row execute function search_touch_membership();
create trigger search_touch after insert or update or delete on body for each row execute function search_touch_body();
create trigger search_touch after insert or update or delete on body_name for each row execute function search_touch_body();

-- what is already stored when the migration runs
select search_refresh_body(id) from body;
select search_refresh_person(id) from person;
select search_refresh_meetings(array(select id from meeting));
`).execute(db);
}
