-- Why tasks fail the realism gate, per partition: each failing task's reasons (split on "; "), with quoted values
-- and numbers masked so that reasons of one kind count together.
-- counts: tasks of every round that fail the realism check
-- param domain VARCHAR = NULL: only this domain; NULL: every domain
-- columns: domain, diversity, kind, tasks, example
WITH reasons AS (
    SELECT domain, diversity, task_id,
           unnest(string_split(reason, '; ')) AS reason
    FROM verifications
    WHERE check_name = 'realism' AND NOT passed
      AND (CAST($domain AS VARCHAR) IS NULL OR domain = CAST($domain AS VARCHAR))
)
SELECT domain, diversity,
       regexp_replace(regexp_replace(reason, '''[^'']*''|"[^"]*"', '…', 'g'), '[0-9]+', 'N', 'g') AS kind,
       count(DISTINCT task_id) AS tasks,
       any_value(reason) AS example
FROM reasons
GROUP BY ALL
ORDER BY domain, diversity, tasks DESC;
