-- The scenario list and the palette: a page in the list's order straight from an index, and the
-- text filter (name, description or a tag contains the text, whatever the case) on one lower-case
-- column, the three fields apart by a character no search contains (unit separator, 31). PostgreSQL
-- also indexes that column by trigrams (db/vendor/postgresql).
create index ix_scenarios_list on scenarios (created_at desc, id);

alter table scenarios add column search_text varchar(6300) generated always as
    (lower(name) || char(31) || lower(coalesce(description, '')) || char(31) || lower(tags));
