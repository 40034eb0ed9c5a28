-- 10 000 scenarios with 100 logs each (1 000 000 logs), each scenario run over 1 to 24 hours
-- somewhere in the last 30 days, with roll-ups and total_requests as the log writer leaves them.
insert into scenarios (id, name, description, region, status, tags, total_requests, lambda_batch_size,
                       lambda_memory_mb, lambda_duration_ms, bedrock_model, output_tokens_ratio, created_at,
                       updated_at, started_at, completed_at)
select gen_random_uuid(), 'bench-' || lpad(g::text, 5, '0'), null, 'us-east-1',
       case when g % 10 = 0 then 'running' else 'completed' end, '[]', 100, 100, 1024, 1000,
       'claude_3_sonnet', 0, now() - interval '30 days', now(), now() - interval '30 days', null
from generate_series(1, :scenarios) g;

insert into scenario_logs (id, scenario_id, received_at, message_hash, message_preview, source, size_bytes,
                           has_pii, pii_types, token_count, sqs_blocks)
select gen_random_uuid(), s.id,
       now() - interval '30 days' + (s.n % 696) * interval '1 hour' + (l * (1 + s.n % 24)) * interval '36 seconds',
       md5(s.n::text || l) || md5(l::text), 'bench log line ' || l || case when l % 5 = 0 then ' [EMAIL]' else '' end,
       'bench', 300 + l * 7, l % 5 = 0, case when l % 5 = 0 then 'email' else '' end, 60 + l, 1
from (select id, row_number() over (order by name) as n from scenarios where name like 'bench-%') s
cross join generate_series(0, :logs_per_scenario - 1) l;

insert into scenario_rollups (scenario_id, bucket_start, requests, total_bytes, tokens, sqs_blocks, pii_count)
select scenario_id, date_trunc('hour', received_at), count(*), sum(size_bytes), sum(token_count), sum(sqs_blocks),
       count(*) filter (where has_pii)
from scenario_logs group by scenario_id, date_trunc('hour', received_at);

analyze scenarios;
analyze scenario_logs;
analyze scenario_rollups;
