-- Tools whose calls fail most often, with the most common error type.
SELECT tool_name, count(*) AS calls,
       count(error_type) AS errors,
       round(count(error_type) / count(*), 3) AS error_rate,
       mode(error_type) AS common_error
FROM trace_steps
GROUP BY tool_name
HAVING count(error_type) > 0
ORDER BY error_rate DESC, calls DESC
LIMIT 25;
