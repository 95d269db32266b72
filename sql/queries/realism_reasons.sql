-- Why tasks fail the realism gate, per partition: each failing task's reasons (split on "; "), with quoted values
-- and numbers masked so that reasons of one kind count together.
WITH reasons AS (
    SELECT domain, diversity, task_id,
           unnest(string_split(reason, '; ')) AS reason
    FROM verifications
    WHERE check_name = 'realism' AND NOT passed
)
SELECT domain, diversity,
       regexp_replace(regexp_replace(reason, '''[^'']*''|"[^"]*"', '…', 'g'), '[0-9]+', 'N', 'g') AS kind,
       count(DISTINCT task_id) AS tasks,
       any_value(reason) AS example
FROM reasons
GROUP BY ALL
ORDER BY domain, diversity, tasks DESC;
