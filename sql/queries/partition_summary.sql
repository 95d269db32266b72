-- Tasks and verified tasks per partition.
SELECT t.domain, t.diversity,
       count(*)                  AS tasks,
       count(sp.task_id)         AS verified,
       round(count(sp.task_id) / count(*), 3) AS verified_rate
FROM tasks t LEFT JOIN splits sp USING (task_id)
GROUP BY ALL
ORDER BY t.domain, t.diversity;
