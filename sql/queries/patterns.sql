-- Tool-use patterns per domain and the average number of required steps.
-- counts: split tasks by default (verified, one per trace); all tasks of every round with verified=false
-- param verified BOOLEAN = true: only the split tasks; false: every derived task of every round
-- columns: domain, pattern, tasks, avg_required_steps
SELECT domain, pattern, count(*) AS tasks, round(avg(len(required_steps)), 2) AS avg_required_steps
FROM tasks
WHERE NOT $verified OR task_id IN (SELECT task_id FROM splits)
GROUP BY ALL
ORDER BY domain, tasks DESC;
