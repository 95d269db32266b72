-- Average required tool calls (hops) and distinct tools per task, by pattern and round.
SELECT t.pattern, t.round, count(*) AS tasks,
       round(avg(len(t.required_steps)), 2) AS avg_required_calls,
       max(len(t.required_steps)) AS max_required_calls
FROM tasks t
GROUP BY ALL
ORDER BY t.pattern, t.round;
