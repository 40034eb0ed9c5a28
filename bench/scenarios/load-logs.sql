-- Bulk-loads :n logs for scenario :sid spread evenly over the 30 days from :start, with roll-ups and
-- total_requests consistent with them, as the log writer would have left them. Used by run.sh for metrics
-- latency (start 2026-10-01) and by bench/retention/run.sh (logs past their retention).
insert into scenario_logs (id, scenario_id, received_at, message_hash, message_preview, source, size_bytes,
                           has_pii, pii_types, token_count, sqs_blocks)
select gen_random_uuid(), cast(:'sid' as uuid),
       cast(:'start' as timestamp with time zone) + (g * (interval '30 days' / :n)),
       md5(g::text) || md5(g::text), 'bench log line ' || g, 'bench', 300 + g % 700, g % 5 = 0,
       case when g % 5 = 0 then 'email' else '' end, 60 + g % 170, 1
from generate_series(0, :n - 1) g;

insert into scenario_rollups (scenario_id, bucket_start, requests, total_bytes, tokens, sqs_blocks, pii_count)
select scenario_id, date_trunc('hour', received_at), count(*), sum(size_bytes), sum(token_count), sum(sqs_blocks),
       count(*) filter (where has_pii)
from scenario_logs where scenario_id = cast(:'sid' as uuid)
group by scenario_id, date_trunc('hour', received_at);

update scenarios set total_requests = :n where id = cast(:'sid' as uuid);
analyze scenario_logs;
