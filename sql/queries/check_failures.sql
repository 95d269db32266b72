-- Share of tasks failing each verification check, per partition.
-- counts: tasks of every round (each check a task ran); checks no task failed are left out
-- param domain VARCHAR = NULL: only this domain; NULL: every domain
-- columns: domain, diversity, check_name, failed, checked, failure_share
SELECT domain, diversity, check_name,
       count(*) FILTER (WHERE NOT passed) AS failed,
       count(*) AS checked,
       round(count(*) FILTER (WHERE NOT passed) / count(*), 3) AS failure_share
FROM verifications
WHERE CAST($domain AS VARCHAR) IS NULL OR domain = CAST($domain AS VARCHAR)
GROUP BY ALL
HAVING count(*) FILTER (WHERE NOT passed) > 0
ORDER BY domain, diversity, check_name;
