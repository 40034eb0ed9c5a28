-- The daily roll-ups of every stored session, computed the way the service adds a session to its roll-up
-- (DailyRollup): into :'into' (devlens_daily, or a copy to compare with). The latency sketches come from
-- Bench.java sketches.
insert into :"into" (event_date, developer_id, repo_slug, model, session_count, accepted_count, error_count,
                     tokens_in, tokens_out, total_tokens, priced_count, cost_usd, unpriced_count, unpriced_tokens,
                     latency_sum, accepted_tokens, accepted_lines, accepted_lines_seen, diff_count, diff_sum,
                     diff_above, first_at, last_at)
select event_date, coalesce(developer_id, ''), repo_slug, coalesce(model, ''), count(*),
       count(*) filter (where accepted_flag), count(*) filter (where status_code >= 400),
       sum(tokens_in), sum(tokens_out), sum(total_tokens), count(cost_usd), coalesce(sum(cost_usd), 0),
       count(*) filter (where cost_usd is null), coalesce(sum(total_tokens) filter (where cost_usd is null), 0),
       sum(latency_ms), coalesce(sum(total_tokens) filter (where accepted_flag), 0),
       coalesce(sum(accepted_lines) filter (where accepted_flag), 0),
       count(accepted_lines) filter (where accepted_flag), count(diff_ratio), coalesce(sum(diff_ratio), 0),
       count(*) filter (where diff_ratio >= 0.7), min(started_at), max(started_at)
from devlens_sessions
group by event_date, coalesce(developer_id, ''), repo_slug, coalesce(model, '');
