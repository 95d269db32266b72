-- Which tools the traces call most, with their failure rate and median latency.
-- counts: trace steps (every call the traces made)
-- param limit INTEGER = 20: how many tools
-- columns: tool_name, domain, calls, error_rate, median_latency_ms
SELECT s.tool_name, tl.domain, count(*) AS calls,
       round(avg(CASE WHEN s.error_type IS NULL THEN 0 ELSE 1 END), 3) AS error_rate,
       round(median(s.latency_ms), 2) AS median_latency_ms
FROM trace_steps s JOIN tools tl ON tl.name = s.tool_name
GROUP BY ALL
ORDER BY calls DESC
LIMIT $limit;
