-- Bulk-loads :n logs for scenario :sid spread evenly over 30 days (720 hourly buckets), with previews of
-- about 170 characters (every fifth with a masked email, every seventh with a comma and quotes, so the CSV
-- has to quote), roll-ups and total_requests consistent with them, as the log writer would have left them.
insert into scenario_logs (id, scenario_id, received_at, message_hash, message_preview, source, size_bytes,
                           has_pii, pii_types, token_count, sqs_blocks)
select gen_random_uuid(), cast(:'sid' as uuid),
       timestamp with time zone '2026-10-01 00:00:00+00' + (g * (interval '30 days' / :n)),
       md5(g::text) || md5(g::text),
       'GET /api/orders/' || g || ' 200 in ' || (g % 900) || ' ms; user agent Mozilla/5.0 (X11; Linux x86_64) '
           || case when g % 5 = 0 then 'notify [EMAIL] ' else 'no contact ' end
           || case when g % 7 = 0 then 'note: "retry, then give up"' else 'checkout flow step 3 of 4' end,
       case when g % 3 = 0 then 'checkout' else 'api-gateway' end, 300 + g % 700, g % 5 = 0,
       case when g % 5 = 0 then 'email' else '' end, 60 + g % 170, 1
from generate_series(0, :n - 1) g;

insert into scenario_rollups (scenario_id, bucket_start, requests, total_bytes, tokens, sqs_blocks, pii_count)
select scenario_id, date_trunc('hour', received_at), count(*), sum(size_bytes), sum(token_count), sum(sqs_blocks),
       count(*) filter (where has_pii)
from scenario_logs where scenario_id = cast(:'sid' as uuid)
group by scenario_id, date_trunc('hour', received_at);

update scenarios set total_requests = :n where id = cast(:'sid' as uuid);
analyze scenario_logs;
