-- Slowest tools by median and 95th-percentile latency of their calls.
-- counts: trace steps (every call the traces made)
-- param limit INTEGER = 20: how many tools
-- columns: tool_name, calls, median_ms, p95_ms, max_ms
SELECT tool_name, count(*) AS calls,
       round(median(latency_ms), 3) AS median_ms,
       round(quantile_cont(latency_ms, 0.95), 3) AS p95_ms,
       round(max(latency_ms), 3) AS max_ms
FROM trace_steps
GROUP BY tool_name
ORDER BY p95_ms DESC
LIMIT $limit;
