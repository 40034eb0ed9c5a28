-- The scenario list and the palette: a page in the list's order straight from an index, and the
-- text filter (name, description or a tag contains the text, whatever the case) on one lower-case
-- column, the three fields apart by a character no search contains (unit separator, 31), indexed
-- by trigrams when the server lets this database use pg_trgm (else the filter reads the column).
create index ix_scenarios_list on scenarios (created_at desc, id);

alter table scenarios add column search_text text generated always as
    (lower(name) || chr(31) || lower(coalesce(description, '')) || chr(31) || lower(tags)) stored;

do $$
begin
    create extension if not exists pg_trgm;
    create index ix_scenarios_search on scenarios using gin (search_text gin_trgm_ops);
exception
    when insufficient_privilege or undefined_file or feature_not_supported or undefined_object then
        raise notice 'pg_trgm is not available to this database: the scenario text filter reads every row';
end
$$;
