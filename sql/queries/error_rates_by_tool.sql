-- Tools whose calls fail most often, with the most common error type.
-- counts: trace steps (every call the traces made)
-- param limit INTEGER = 25: how many tools
-- columns: tool_name, calls, errors, error_rate, common_error
SELECT tool_name, count(*) AS calls,
       count(error_type) AS errors,
       round(count(error_type) / count(*), 3) AS error_rate,
       mode(error_type) AS common_error
FROM trace_steps
GROUP BY tool_name
HAVING count(error_type) > 0
ORDER BY error_rate DESC, calls DESC
LIMIT $limit;
