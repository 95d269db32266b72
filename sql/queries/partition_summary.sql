-- Per partition: derived tasks over all rounds, tasks passing every blocking check, and the final-round
-- verified tasks put in a split (one per trace: the hardest verified round).
-- counts: tasks of every round, verified tasks and split tasks, side by side
-- columns: domain, diversity, tasks_all_rounds, verified, verified_rate, in_splits
WITH failed AS (
    SELECT DISTINCT task_id FROM verifications WHERE NOT passed AND check_name <> 'non_trivial'
)
SELECT t.domain, t.diversity,
       count(*)                                       AS tasks_all_rounds,
       count(*) FILTER (WHERE f.task_id IS NULL)      AS verified,
       round(count(*) FILTER (WHERE f.task_id IS NULL) / count(*), 3) AS verified_rate,
       count(sp.task_id)                              AS in_splits
FROM tasks t
LEFT JOIN failed f USING (task_id)
LEFT JOIN splits sp USING (task_id)
GROUP BY ALL
ORDER BY t.domain, t.diversity;
