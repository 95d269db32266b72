-- Average required tool calls (hops) and distinct tools per task, by pattern and round.
-- counts: split tasks by default (verified, one per trace); all tasks of every round with verified=false
-- param verified BOOLEAN = true: only the split tasks; false: every derived task of every round
-- columns: pattern, round, tasks, avg_required_calls, max_required_calls
SELECT t.pattern, t.round, count(*) AS tasks,
       round(avg(len(t.required_steps)), 2) AS avg_required_calls,
       max(len(t.required_steps)) AS max_required_calls
FROM tasks t
WHERE NOT $verified OR t.task_id IN (SELECT task_id FROM splits)
GROUP BY ALL
ORDER BY t.pattern, t.round;
