-- Adds sessions :from .. :to - 1 to devlens_sessions, spread over the 28 days from :'start' (the same
-- spread, developers, repositories and models as the NDJSON the benchmark imports; three of the four models
-- priced from the catalog, mistral-small-latest unpriced). Roll-ups are recomputed by rollups.sql after it.
create temp table bench_models as
select i, model,
       (select price_per_unit from price_catalog
        where service = 'llm' and tier = model || '_input' and is_active and effective_to is null) as price_in,
       (select price_per_unit from price_catalog
        where service = 'llm' and tier = model || '_output' and is_active and effective_to is null) as price_out
from (values (0, 'claude-3-5-sonnet-20241022'), (1, 'claude-3-5-haiku-20241022'), (2, 'o4-mini'),
             (3, 'mistral-small-latest')) v(i, model);

insert into devlens_sessions (trace_hash, session_id, developer_id, started_at, model, tokens_in, tokens_out,
                              total_tokens, latency_ms, status_code, accepted_flag, repo_slug, event_date, cost_usd,
                              diff_ratio, accepted_lines, trace_format, imported_at)
select substr(md5('gen-' || g), 1, 20) || substr(md5('hash-' || g), 1, 20), 'gen-' || g, 'dev-' || (g % 200),
       t.at, m.model, t.tokens_in, t.tokens_out, t.tokens_in + t.tokens_out, 200 + (g * 7919) % 4000,
       case when g % 50 = 0 then 500 else 200 end, g % 3 = 0, 'org/repo-' || (g % 20),
       cast(t.at at time zone 'UTC' as date),
       case when m.price_in is not null and m.price_out is not null
            then round((t.tokens_in * m.price_in + t.tokens_out * m.price_out) / 1000000, 12) end,
       case when g % 4 = 0 then (g * 37 % 100) / 100.0 end,
       case when g % 3 = 0 then g % 80 end, 'prodlens', now()
from generate_series(cast(:from as bigint), cast(:to as bigint) - 1) g
cross join lateral (select cast(:'start' as timestamptz) + ((g * 2654435761) % 2419200) * interval '1 second' as at,
                           100 + (g * 31) % 3000 as tokens_in, 50 + (g * 17) % 1500 as tokens_out) t
join bench_models m on m.i = g % 4;
